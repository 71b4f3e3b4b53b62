import type { HostTheme } from "./theme";

/** Who Teams says is signed in; absent in browser mode until a demo person is chosen. */
export interface HostUser {
  id: string;
  displayName: string;
}

/** What the configuration page needs from Teams to save the channel tab. */
export interface TabConfigApi {
  /** Enables or disables Teams' Save button. */
  setValidity(valid: boolean): void;
  /** Runs `save` when the user presses Save; a rejection keeps the dialog open. */
  onSave(
    save: () => Promise<{
      contentUrl: string;
      websiteUrl: string;
      entityId: string;
      suggestedDisplayName: string;
    }>,
  ): void;
}

/**
 * The tab's view of where it runs. In Teams it comes from teams-js; in a plain browser it is
 * filled from the URL and the browser so the tab still works (and can be tested) outside Teams.
 */
export interface Host {
  kind: "teams" | "browser";
  theme: HostTheme;
  locale: string;
  timeZone: string;
  user: HostUser | null;
  channelId: string | null;
  /** Teams only, in a team: the team's internal `19:...` id, which the bot's activities carry. */
  teamId: string | null;
  /** Teams only: an SSO access token for the API (teams-js caches and renews it). */
  getSsoToken: (() => Promise<string>) | null;
  /** Teams only, on the configuration frame. */
  tabConfig: TabConfigApi | null;
  /** Subscribes to live theme changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: HostTheme) => void): () => void;
}

import type { LaunchOptions } from "../launch";
import { frameSignals, mightBeInTeams, withTimeout } from "./detection";
import type { Host } from "./host";

/** How long to wait for Teams to answer before treating the page as a plain browser tab. */
export const teamsHandshakeTimeoutMs = 3_000;

/** The host outside Teams: theme from `?theme=`, locale and zone from the browser. */
export function browserHost(launch: LaunchOptions): Host {
  return {
    kind: "browser",
    theme: launch.theme ?? "default",
    locale: navigator.language || "en-GB",
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    user: null,
    channelId: null,
    teamId: null,
    getSsoToken: null,
    tabConfig: null,
    // Browser mode has no host to change the theme; the URL picks it once.
    onThemeChange: () => () => undefined,
  };
}

/**
 * Finds out where the tab runs. Inside Teams it completes the teams-js handshake and reads the
 * context; when no host answers within the timeout (or none could be listening) it falls back to
 * browser mode, where the tab signs in with a demo person instead of SSO.
 */
export async function connectHost(launch: LaunchOptions): Promise<Host> {
  if (!mightBeInTeams(frameSignals(window))) return browserHost(launch);
  try {
    const teams = await import("./teamsHost");
    const answered = await withTimeout(
      teams.initializeTeams().then(() => true),
      teamsHandshakeTimeoutMs,
      () => false,
    );
    return answered ? await teams.teamsHost() : browserHost(launch);
  } catch {
    // A frame that is not Teams (a preview pane, another portal) rejects the handshake.
    return browserHost(launch);
  }
}

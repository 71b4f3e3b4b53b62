import { app, authentication, pages } from "@microsoft/teams-js";
import type { Host } from "./host";
import { parseHostTheme, type HostTheme } from "./theme";

/**
 * The host when Teams answered `app.initialize()`. This module is loaded on demand so that a
 * plain browser never downloads teams-js.
 */
export async function teamsHost(): Promise<Host> {
  const context = await app.getContext();
  const listeners = new Set<(theme: HostTheme) => void>();
  // Teams keeps one theme handler per page; fan it out to whoever subscribed.
  app.registerOnThemeChangeHandler((raw) => {
    const theme = parseHostTheme(raw) ?? "default";
    for (const listener of listeners) listener(theme);
  });
  const onConfigFrame = context.page.frameContext === "settings";
  // Hides Teams' loading indicator (shown when the manifest asks for it) now the tab can render;
  // a host that shows none may refuse the call, which changes nothing for the tab.
  app.notifySuccess().catch(() => undefined);
  return {
    kind: "teams",
    theme: parseHostTheme(context.app.theme) ?? "default",
    locale: context.app.locale || navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    user: context.user
      ? { id: context.user.id, displayName: context.user.displayName ?? "" }
      : null,
    channelId: context.channel?.id ?? null,
    teamId: context.team?.internalId ?? null,
    getSsoToken: () => authentication.getAuthToken(),
    tabConfig: onConfigFrame
      ? {
          setValidity: (valid) => pages.config.setValidityState(valid),
          onSave: (save) =>
            pages.config.registerOnSaveHandler((event) => {
              save()
                .then((config) => pages.config.setConfig(config))
                .then(
                  () => event.notifySuccess(),
                  (error: unknown) =>
                    event.notifyFailure(error instanceof Error ? error.message : String(error)),
                );
            }),
        }
      : null,
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Starts teams-js; resolves when a Teams host answered the handshake. */
export function initializeTeams(): Promise<void> {
  return app.initialize();
}

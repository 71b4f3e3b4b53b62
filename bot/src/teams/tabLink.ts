import type { Config } from "../config";

/** The personal tab's entityId in appPackage/manifest.json; deep links name it. */
export const personalTabEntityId = "home";

/**
 * Where the cards' "Open Practice Hub" button goes: a Teams deep link into the personal tab when
 * the Teams app id is known, so people stay inside Teams; otherwise the service's own web address,
 * where the tab also runs in a plain browser (local stack, Agents Playground).
 */
export function tabLink(config: Pick<Config, "TEAMS_APP_ID" | "PUBLIC_BASE_URL">): string {
  if (config.TEAMS_APP_ID) {
    const appId = encodeURIComponent(config.TEAMS_APP_ID);
    return `https://teams.microsoft.com/l/entity/${appId}/${personalTabEntityId}`;
  }
  return `${config.PUBLIC_BASE_URL}/`;
}

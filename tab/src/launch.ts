import { demoPersonSchema, type DemoPerson } from "@practice-hub/shared";
import { parseHostTheme, type HostTheme } from "./host/theme";

/** Which screen the tab opens: the channel tab, its configuration page, or the personal tab. */
export type Route = "app" | "config" | "personal";

/** What the URL asks of the tab. Teams puts these in the contentUrl saved by the config page. */
export interface LaunchOptions {
  route: Route;
  /** The community configured for the channel (`?community=`), if any. */
  communityId: string | null;
  /** Browser mode, local auth only: the demo person to sign in as (`?as=`). */
  demoPerson: DemoPerson | null;
  /** Browser mode only: a theme to show outside Teams (`?theme=`). */
  theme: HostTheme | null;
}

/** Reads the route and options from a URL; unknown paths open the app, like the service's fallback. */
export function parseLaunch(url: { pathname: string; search: string }): LaunchOptions {
  const params = new URLSearchParams(url.search);
  const path = url.pathname.replace(/\/+$/, "");
  const route: Route = path === "/config" ? "config" : path === "/personal" ? "personal" : "app";
  const community = params.get("community")?.trim();
  const person = demoPersonSchema.safeParse(params.get("as"));
  return {
    route,
    communityId: community ? community : null,
    demoPerson: person.success ? person.data : null,
    theme: parseHostTheme(params.get("theme")),
  };
}

/** Rewrites one query parameter in the address bar without a reload, so a reload keeps the choice. */
export function replaceQueryParam(name: string, value: string | null): void {
  const url = new URL(window.location.href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  window.history.replaceState(window.history.state, "", url);
}

/** The URL a channel tab opens for a community: what the config page saves as contentUrl. */
export function communityTabUrl(origin: string, communityId: string): string {
  const url = new URL("/", origin);
  url.searchParams.set("community", communityId);
  return url.toString();
}

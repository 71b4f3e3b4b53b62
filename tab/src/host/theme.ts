import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from "@fluentui/react-components";

/** The three themes Teams can ask for. */
export type HostTheme = "default" | "dark" | "contrast";

/**
 * Maps a host theme name to one we render. Teams also knows "glass" (a translucent variant of
 * the dark theme on some hosts); anything unknown falls back to null so the caller picks a default.
 */
export function parseHostTheme(raw: string | null | undefined): HostTheme | null {
  switch (raw) {
    case "default":
    case "light":
      return "default";
    case "dark":
    case "glass":
      return "dark";
    case "contrast":
      return "contrast";
    default:
      return null;
  }
}

/** The Fluent theme for a host theme, so the tab looks like the Teams around it. */
export function fluentTheme(theme: HostTheme): Theme {
  if (theme === "dark") return teamsDarkTheme;
  if (theme === "contrast") return teamsHighContrastTheme;
  return teamsLightTheme;
}

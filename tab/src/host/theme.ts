import { teamsLightTheme, type Theme } from "@fluentui/react-components";

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

/**
 * The Fluent theme for a host theme, so the tab looks like the Teams around it: at once for the
 * light theme, null for another until `loadFluentTheme` has brought it.
 */
export function fluentTheme(theme: HostTheme): Theme | null {
  if (theme === "default") return teamsLightTheme;
  return loaded.get(theme) ?? null;
}

const loaded = new Map<HostTheme, Theme>();

/** Loads the Fluent theme for a host theme (the dark and contrast ones load on first use). */
export async function loadFluentTheme(theme: HostTheme): Promise<Theme> {
  const known = fluentTheme(theme);
  if (known) return known;
  const others = await import("./otherThemes");
  const fluent = theme === "dark" ? others.teamsDarkTheme : others.teamsHighContrastTheme;
  loaded.set(theme, fluent);
  return fluent;
}

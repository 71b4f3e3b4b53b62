/**
 * The themes besides the light one, in a chunk of their own: Teams opens most tabs in the light
 * theme, and the two others cost a few kilobytes of tokens that the first route need not carry.
 */
export { teamsDarkTheme, teamsHighContrastTheme } from "@fluentui/react-components";

import { tokens, type GriffelStyle } from "@fluentui/react-components";

/** The steps of Fluent's spacing ramp the tab lays its parts out with. */
type Step = "XS" | "S" | "M" | "L" | "XL";

/** Children one under another, `step` apart: the tab's usual page, section and form layout. */
export function stack(step: Step): GriffelStyle {
  return { display: "grid", gap: tokens[`spacingVertical${step}`] };
}

/**
 * Children side by side, `step` apart, wrapping onto more lines when the tab is narrow (Teams
 * side panels and phones) rather than overflowing.
 */
export function row(step: Step, alignItems?: "center" | "end" | "baseline"): GriffelStyle {
  return {
    display: "flex",
    flexWrap: "wrap",
    ...(alignItems && { alignItems }),
    gap: tokens[`spacingHorizontal${step}`],
  };
}

/** A list read as a column of items rather than bullets: no markers, no indent, `S` apart. */
export const bareList: GriffelStyle = {
  listStyleType: "none",
  padding: 0,
  margin: 0,
  ...stack("S"),
};

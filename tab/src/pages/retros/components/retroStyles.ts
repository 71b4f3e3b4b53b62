import { makeStyles, tokens } from "@fluentui/react-components";

/** The layout shared by the parts of a retro. */
export const useRetroStyles = makeStyles({
  root: { display: "grid", gap: tokens.spacingVerticalL },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  form: { display: "grid", gap: tokens.spacingVerticalS, maxWidth: "560px" },
  list: {
    listStyleType: "none",
    padding: 0,
    margin: 0,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grow: { flexGrow: 1, minWidth: "200px" },
});

import { makeStyles, tokens } from "@fluentui/react-components";
import { bareList, row, stack } from "../../../components/layoutStyles";

/** The layout shared by the parts of a retro. */
export const useRetroStyles = makeStyles({
  root: stack("L"),
  bar: row("M", "center"),
  section: stack("S"),
  form: { ...stack("S"), maxWidth: "560px" },
  list: bareList,
  row: {
    ...row("S", "center"),
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grow: { flexGrow: 1, minWidth: "200px" },
});

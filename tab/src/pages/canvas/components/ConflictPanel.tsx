import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import type { CanvasSection } from "@practice-hub/shared";
import { row, stack } from "../../../components/layoutStyles";
import { Notice } from "../../../components/Notice";
import { useEnvironment } from "../../../environment";
import { formatDateTime } from "../../../format";
import { draftSize } from "../editing";

const useStyles = makeStyles({
  root: stack("M"),
  sides: {
    display: "grid",
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    alignItems: "start",
    "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  text: { "& textarea": { minHeight: "240px", fontFamily: tokens.fontFamilyMonospace } },
  actions: row("S"),
});

/**
 * Shown when a save was refused because someone else saved first. Their version and the user's
 * text sit side by side; the user's side stays editable so the two can be merged by hand, and
 * nothing the user typed is dropped unless they choose theirs.
 */
export function ConflictPanel({
  theirs,
  draft,
  saving,
  onChange,
  onKeepMine,
  onTakeTheirs,
  onAppendTheirs,
}: {
  theirs: CanvasSection;
  draft: string;
  saving: boolean;
  onChange(draft: string): void;
  onKeepMine(): void;
  onTakeTheirs(): void;
  onAppendTheirs(): void;
}) {
  const styles = useStyles();
  const { host } = useEnvironment();
  const who = theirs.updatedBy?.displayName ?? "Someone";
  const when = theirs.updatedAt
    ? formatDateTime(theirs.updatedAt, host.locale, host.timeZone)
    : "just now";
  const { tooLong, hint, problem } = draftSize(draft, host.locale);

  return (
    <div className={styles.root} data-testid="conflict">
      <Notice
        intent="warning"
        layout="multiline"
        title={`${who} saved this section while you were editing`}
      >
        Your text has not been saved and is kept below. Compare the two, merge them in your version
        if you like, then choose which one to keep.
      </Notice>
      <div className={styles.sides}>
        <Field
          label={`Their version (${who}, ${when}, version ${theirs.version})`}
          hint="Read only: copy from it, or take it as it is."
        >
          <Textarea className={styles.text} value={theirs.content} readOnly resize="vertical" />
        </Field>
        <Field label="Your version (edit it to merge both)" hint={hint} validationMessage={problem}>
          <Textarea
            className={styles.text}
            value={draft}
            resize="vertical"
            onChange={(_event, data) => onChange(data.value)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={saving || tooLong} onClick={onKeepMine}>
          {saving ? "Saving" : "Keep mine (save over theirs)"}
        </Button>
        <Button disabled={saving} onClick={onTakeTheirs}>
          Take theirs
        </Button>
        <Button disabled={saving} onClick={onAppendTheirs}>
          Copy their text below mine
        </Button>
      </div>
    </div>
  );
}

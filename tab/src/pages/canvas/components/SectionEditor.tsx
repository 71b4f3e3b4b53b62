import { useEffect, useRef } from "react";
import { Button, Field, makeStyles, Textarea, tokens } from "@fluentui/react-components";
import { limits, type CanvasSection } from "@practice-hub/shared";
import { useEnvironment } from "../../../environment";
import { draftSize } from "../editing";
import { Prompts } from "./Prompts";

const useStyles = makeStyles({
  layout: {
    display: "grid",
    gap: tokens.spacingHorizontalL,
    gridTemplateColumns: "minmax(0, 2fr) minmax(200px, 1fr)",
    "@media (max-width: 720px)": { gridTemplateColumns: "minmax(0, 1fr)" },
  },
  textarea: { "& textarea": { minHeight: "280px", fontFamily: tokens.fontFamilyMonospace } },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

/** The editor of one section, with its guiding questions beside it and a character count. */
export function SectionEditor({
  section,
  draft,
  saving,
  error,
  onChange,
  onSave,
  onCancel,
}: {
  section: CanvasSection;
  draft: string;
  saving: boolean;
  /** The API's sentence about the text, when a save was refused for it. */
  error?: string;
  onChange(draft: string): void;
  onSave(): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const { host } = useEnvironment();
  const textarea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => textarea.current?.focus(), []);
  const { tooLong, hint, problem } = draftSize(draft, host.locale);

  return (
    <div className={styles.layout}>
      <div>
        <Field
          label={`${section.title} (Markdown)`}
          hint={hint}
          validationMessage={problem ?? error}
        >
          <Textarea
            ref={textarea}
            className={styles.textarea}
            value={draft}
            resize="vertical"
            maxLength={limits.canvasSectionContent}
            onChange={(_event, data) => onChange(data.value)}
          />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" disabled={saving || tooLong} onClick={onSave}>
            {saving ? "Saving" : "Save"}
          </Button>
          <Button disabled={saving} onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
      <Prompts section={section} />
    </div>
  );
}

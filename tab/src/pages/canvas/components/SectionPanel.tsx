import { useEffect, useReducer, useRef, useState } from "react";
import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title3,
  tokens,
} from "@fluentui/react-components";
import type { CanvasSection } from "@practice-hub/shared";
import { apiErrorOf, formErrorsOf, staleSectionOf } from "../../../api/errors";
import { useAnnounce } from "../../../components/Announcer";
import { ErrorState } from "../../../components/ErrorState";
import { useConfirmLeave, useUnsavedChanges } from "../../../components/LeaveGuard";
import { MarkdownView } from "../../../components/MarkdownView";
import { useEnvironment } from "../../../environment";
import { formatDateTime } from "../../../format";
import { ConflictPanel } from "./ConflictPanel";
import { editReducer, etagForSave, hasUnsavedWork } from "../editing";
import { HistoryPanel } from "./HistoryPanel";
import { Prompts } from "./Prompts";
import { SectionEditor } from "./SectionEditor";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  heading: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0, marginInlineEnd: "auto" },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: "italic" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/**
 * One canvas section: its text for everyone, and for champions an editor whose saves carry the
 * section's etag. When someone else saved first, the conflict panel keeps both texts.
 */
export function SectionPanel({
  communityId,
  section,
  canEdit,
  onSectionChange,
}: {
  communityId: string;
  section: CanvasSection;
  canEdit: boolean;
  /** Reports the section's newest version (after a save, or after taking theirs). */
  onSectionChange(section: CanvasSection): void;
}) {
  const styles = useStyles();
  const { api, host } = useEnvironment();
  const announce = useAnnounce();
  const confirmLeave = useConfirmLeave();
  const [state, dispatch] = useReducer(editReducer, { mode: "reading" });
  const [notice, setNotice] = useState<string | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useUnsavedChanges(hasUnsavedWork(state));

  // Focus returns to the Edit button when the editor closes, so keyboard users keep their place.
  useEffect(() => {
    if (state.mode === "reading" && wasEditing.current) editButton.current?.focus();
    wasEditing.current = state.mode === "editing";
  }, [state.mode]);

  const save = async () => {
    const etag = etagForSave(state);
    if (state.mode !== "editing" || etag === null) return;
    dispatch({ type: "saveStarted" });
    try {
      const saved = await api.saveSection({
        communityId,
        sectionId: section.id,
        content: state.draft,
        etag,
      });
      dispatch({ type: "saved" });
      onSectionChange(saved);
      const message = `${section.title} saved as version ${saved.version}.`;
      setNotice(message);
      announce(message);
    } catch (error) {
      const current = staleSectionOf(error);
      if (current) {
        dispatch({ type: "staleRejected", current });
        // The page shows the section as it now is (the nav, the history); the editor keeps both.
        onSectionChange(current);
        announce(
          `${current.updatedBy?.displayName ?? "Someone"} saved ${section.title} while you were editing. Both versions are shown so you can choose.`,
        );
      } else {
        dispatch({ type: "failed", error: apiErrorOf(error) });
      }
    }
  };

  const takeTheirs = () => {
    if (state.mode !== "editing" || !state.theirs) return;
    onSectionChange(state.theirs);
    dispatch({ type: "close" });
    const message = `Kept the version saved by ${state.theirs.updatedBy?.displayName ?? "someone else"}.`;
    setNotice(message);
    announce(message);
  };

  const updated =
    section.updatedAt && section.updatedBy
      ? `Version ${section.version}, last saved by ${section.updatedBy.displayName} on ${formatDateTime(section.updatedAt, host.locale, host.timeZone)}.`
      : "Nobody has written this section yet.";
  // A refused save: the sentence about the text goes under the editor, anything else above it.
  const refusal =
    state.mode === "editing" && state.error
      ? formErrorsOf(state.error, { content: "content" })
      : null;

  return (
    <section className={styles.root} aria-labelledby={`section-${section.id}-title`}>
      <div className={styles.heading}>
        <Title3 as="h3" id={`section-${section.id}-title`} className={styles.title}>
          {section.title}
        </Title3>
        {canEdit && state.mode === "reading" && (
          <Button
            ref={editButton}
            appearance="primary"
            onClick={() => {
              setNotice(null);
              dispatch({ type: "start", section });
            }}
          >
            Edit {section.title}
          </Button>
        )}
      </div>
      <Body1>{section.summary}</Body1>
      {notice && state.mode === "reading" && (
        <MessageBar intent="success">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {state.mode === "reading" && (
        <>
          {section.content.trim() ? (
            <MarkdownView source={section.content} />
          ) : (
            <Body1 className={styles.empty}>
              {canEdit
                ? "Nothing written yet. Use the questions below to get started."
                : "Nothing written yet. The community's champions fill this in."}
            </Body1>
          )}
          <Caption1>{updated}</Caption1>
          <Prompts section={section} />
          <HistoryPanel key={section.version} communityId={communityId} section={section} />
        </>
      )}

      {state.mode === "editing" && state.theirs && (
        <ConflictPanel
          theirs={state.theirs}
          draft={state.draft}
          saving={state.saving}
          onChange={(draft) => dispatch({ type: "change", draft })}
          onKeepMine={() => void save()}
          onTakeTheirs={takeTheirs}
          onAppendTheirs={() => dispatch({ type: "appendTheirs" })}
        />
      )}
      {state.mode === "editing" && !state.theirs && (
        <SectionEditor
          section={section}
          draft={state.draft}
          saving={state.saving}
          error={refusal?.fields.content}
          onChange={(draft) => dispatch({ type: "change", draft })}
          onSave={() => void save()}
          onCancel={() => void confirmLeave().then((leave) => leave && dispatch({ type: "close" }))}
        />
      )}
      {refusal?.form && (
        <ErrorState title="Not saved" error={refusal.form} onRetry={() => void save()} />
      )}
    </section>
  );
}

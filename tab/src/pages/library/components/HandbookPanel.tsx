import { useState } from "react";
import {
  Button,
  Card,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  Textarea,
  Title3,
  tokens,
} from "@fluentui/react-components";
import {
  libraryLimits,
  staleHandbookEntryDataSchema,
  type HandbookEntry,
} from "@practice-hub/shared";
import { ApiRequestError } from "../../../api/errors";
import { useAnnounce } from "../../../components/Announcer";
import { stack } from "../../../components/layoutStyles";
import { MarkdownView } from "../../../components/MarkdownView";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";
import { formatDateTime } from "../../../format";
import { FormActions } from "./FormActions";

const useStyles = makeStyles({
  root: stack("S"),
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM },
  title: { margin: 0, marginInlineEnd: "auto" },
  card: stack("XS"),
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** The handbook entry of a stale save, when the API answered 412 with it. */
function staleEntryOf(error: unknown): HandbookEntry | null {
  if (!(error instanceof ApiRequestError) || error.detail.error !== "stale_version") return null;
  return staleHandbookEntryDataSchema.safeParse(error.detail.data).data?.current ?? null;
}

/** Where the API's paths of a handbook entry land on the form. */
const entryPlacement = { title: "title", body: "body" } as const;

function EntryEditor({
  communityId,
  entry,
  onSaved,
  onCancel,
}: {
  communityId: string;
  entry?: HandbookEntry;
  onSaved(entry: HandbookEntry): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const [base, setBase] = useState(entry);
  const [title, setTitle] = useState(entry?.title ?? "");
  const [body, setBody] = useState(entry?.body ?? "");
  const [message, setMessage] = useState<string | null>(null);
  const errors = useFormErrors(entryPlacement, { title, body });

  const save = async () => {
    setMessage(null);
    errors.clear();
    try {
      const saved = await api.library.saveHandbookEntry({
        communityId,
        ...(base ? { entry: base } : {}),
        request: { title, body, archived: base?.archived ?? false },
      });
      announce("Handbook entry saved.");
      onSaved(saved);
    } catch (error) {
      const current = staleEntryOf(error);
      if (current) {
        // Keep the editor's text; saving again now applies it on top of the newer version.
        setBase(current);
        setMessage(
          `${current.updatedBy.displayName} saved this entry after you opened it. Their text: "${current.body.slice(0, 200)}". Save again to replace it with yours.`,
        );
      } else {
        errors.fail(error);
      }
    }
  };

  return (
    <form
      className={styles.card}
      aria-label={entry ? `Edit ${entry.title}` : "New handbook entry"}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Field label="Title" required {...errors.field("title")}>
        <Input
          value={title}
          maxLength={libraryLimits.handbookTitle}
          onChange={(_e, data) => setTitle(data.value)}
        />
      </Field>
      <Field label="Text (Markdown)" {...errors.field("body")}>
        <Textarea
          value={body}
          rows={8}
          maxLength={libraryLimits.handbookBody}
          onChange={(_e, data) => setBody(data.value)}
        />
      </Field>
      {message && (
        <MessageBar intent="warning">
          <MessageBarBody>{message}</MessageBarBody>
        </MessageBar>
      )}
      <FormActions error={errors.formError} submit="Save" onCancel={onCancel} />
    </form>
  );
}

/** Handbook entries: longer texts curators keep current, versioned like the canvas. */
export function HandbookPanel({
  communityId,
  entries,
  curator,
  onSaved,
}: {
  communityId: string;
  entries: HandbookEntry[];
  curator: boolean;
  onSaved(entry: HandbookEntry): void;
}) {
  const styles = useStyles();
  const { host } = useEnvironment();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section className={styles.root} aria-labelledby="handbook-heading">
      <div className={styles.heading}>
        <Title3 as="h3" id="handbook-heading" className={styles.title}>
          Handbook
        </Title3>
        {curator && editing === null && (
          <Button onClick={() => setEditing("new")}>New entry</Button>
        )}
      </div>
      {editing === "new" && (
        <EntryEditor
          communityId={communityId}
          onSaved={(entry) => {
            setEditing(null);
            onSaved(entry);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {entries.length === 0 && <Text>No handbook entries yet.</Text>}
      {entries.map((entry) =>
        editing === entry.id ? (
          <EntryEditor
            key={entry.id}
            communityId={communityId}
            entry={entry}
            onSaved={(saved) => {
              setEditing(null);
              onSaved(saved);
            }}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <Card key={entry.id} className={styles.card} aria-label={entry.title}>
            <Text weight="semibold">{entry.title}</Text>
            <MarkdownView source={entry.body} />
            <Caption1>
              Version {entry.version}, updated{" "}
              {formatDateTime(entry.updatedAt, host.locale, host.timeZone)} by{" "}
              {entry.updatedBy.displayName}
            </Caption1>
            {curator && (
              <div className={styles.actions}>
                <Button size="small" onClick={() => setEditing(entry.id)}>
                  Edit
                </Button>
              </div>
            )}
          </Card>
        ),
      )}
    </section>
  );
}

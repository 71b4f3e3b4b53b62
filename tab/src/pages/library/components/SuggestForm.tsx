import { useState } from "react";
import {
  Field,
  Input,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { libraryLimits, type LibraryResource, type LibrarySection } from "@practice-hub/shared";
import { useAnnounce } from "../../../components/Announcer";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";
import { FormActions } from "./FormActions";
import { SectionOptions } from "./LibraryFilters";

const useStyles = makeStyles({
  form: {
    display: "grid",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/** Where the API's paths of a suggestion land on the form. */
const suggestionPlacement = {
  section: "section",
  title: "title",
  url: "url",
  why: "why",
  tags: "tags",
} as const;

/**
 * Any member suggests a resource: title, address, why it is worth reading, tags. When the page
 * is already in the library, the form points at it instead of adding it twice.
 */
export function SuggestForm({
  communityId,
  onSuggested,
  onCancel,
}: {
  communityId: string;
  onSuggested(resource: LibraryResource): void;
  onCancel(): void;
}) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const announce = useAnnounce();
  const [section, setSection] = useState<LibrarySection>("reading");
  const [title, setTitle] = useState("");
  const [url, setUrl] = useState("");
  const [why, setWhy] = useState("");
  const [tags, setTags] = useState("");
  const [saving, setSaving] = useState(false);
  const errors = useFormErrors(suggestionPlacement, { section, title, url, why, tags });
  const [duplicate, setDuplicate] = useState<LibraryResource | null>(null);

  const submit = async () => {
    setSaving(true);
    errors.clear();
    setDuplicate(null);
    try {
      const result = await api.library.suggest(communityId, {
        section,
        title,
        url,
        why,
        tags: tags
          .split(",")
          .map((tag) => tag.trim())
          .filter(Boolean),
      });
      if (result.outcome === "duplicate") {
        setDuplicate(result.existing);
        announce("That page is already in the library.");
      } else {
        announce("Thank you: your suggestion is with the curators.");
        onSuggested(result.resource);
      }
    } catch (caught) {
      errors.fail(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="Suggest a resource"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field label="Section" {...errors.field("section")}>
        <Select value={section} onChange={(_e, data) => setSection(data.value as LibrarySection)}>
          <SectionOptions />
        </Select>
      </Field>
      <Field label="Title" required {...errors.field("title")}>
        <Input
          value={title}
          maxLength={libraryLimits.title}
          onChange={(_e, data) => setTitle(data.value)}
        />
      </Field>
      <Field
        label="Web address"
        required
        hint="The full address, starting with https://"
        {...errors.field("url")}
      >
        <Input
          type="url"
          value={url}
          maxLength={libraryLimits.url}
          onChange={(_e, data) => setUrl(data.value)}
        />
      </Field>
      <Field label="Why is it worth everyone's time?" required {...errors.field("why")}>
        <Textarea
          value={why}
          maxLength={libraryLimits.why}
          onChange={(_e, data) => setWhy(data.value)}
        />
      </Field>
      <Field
        label="Tags"
        hint="Separate tags with commas, for example: discovery, roadmaps"
        {...errors.field("tags")}
      >
        <Input value={tags} onChange={(_e, data) => setTags(data.value)} />
      </Field>
      {duplicate && (
        <MessageBar intent="info">
          <MessageBarBody>
            This page is already in the library as{" "}
            <Link href={duplicate.url} target="_blank" rel="noreferrer">
              {duplicate.title}
            </Link>{" "}
            ({duplicate.status}
            {duplicate.rejectionReason ? `: ${duplicate.rejectionReason}` : ""}).
          </MessageBarBody>
        </MessageBar>
      )}
      <FormActions error={errors.formError} submit="Suggest" busy={saving} onCancel={onCancel} />
    </form>
  );
}

import { useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Textarea,
  Title2,
  tokens,
} from "@fluentui/react-components";
import {
  createCommunityRequestSchema,
  limits,
  type ApiError,
  type Community,
} from "@practice-hub/shared";
import { apiErrorOf } from "../api/errors";
import { ErrorState } from "../components/ErrorState";
import { useEnvironment } from "../environment";

const useStyles = makeStyles({
  root: { maxWidth: "560px", display: "grid", gap: tokens.spacingVerticalM, "& h2": { margin: 0 } },
  form: { display: "grid", gap: tokens.spacingVerticalM },
  submit: { justifySelf: "start" },
});

/**
 * Shown when the caller belongs to no community yet: says why the page is empty and lets them
 * start one. The service makes the creator its first champion.
 */
export default function NoCommunities({ onCreated }: { onCreated(community: Community): void }) {
  const styles = useStyles();
  const { api } = useEnvironment();
  const [name, setName] = useState("");
  const [profession, setProfession] = useState("");
  const [description, setDescription] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = createCommunityRequestSchema.safeParse({ name, profession, description });
    if (!request.success) {
      setFieldErrors(
        Object.fromEntries(
          request.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
        ),
      );
      return;
    }
    setFieldErrors({});
    setBusy(true);
    setError(null);
    try {
      onCreated(await api.createCommunity(request.data));
    } catch (caught) {
      setError(apiErrorOf(caught));
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="no-communities-heading">
      <Title2 as="h2" id="no-communities-heading">
        No communities yet
      </Title2>
      <Body1>
        You are not part of any community of practice in Practice Hub. If a community already
        exists, ask one of its champions to add you. Or start one here: you become its first
        champion and can fill in its canvas with the people who join.
      </Body1>
      <form className={styles.form} noValidate onSubmit={(event) => void submit(event)}>
        <Field label="Community name" required validationMessage={fieldErrors.name}>
          <Input
            value={name}
            maxLength={limits.communityName}
            onChange={(_event, data) => setName(data.value)}
          />
        </Field>
        <Field
          label="Profession"
          hint="For example product management, design or research."
          required
          validationMessage={fieldErrors.profession}
        >
          <Input
            value={profession}
            maxLength={limits.communityName}
            onChange={(_event, data) => setProfession(data.value)}
          />
        </Field>
        <Field label="What is it for?" validationMessage={fieldErrors.description}>
          <Textarea
            value={description}
            maxLength={1_000}
            onChange={(_event, data) => setDescription(data.value)}
          />
        </Field>
        {error && <ErrorState title="The community was not created" error={error} />}
        <Button className={styles.submit} appearance="primary" type="submit" disabled={busy}>
          {busy ? "Starting the community" : "Start a community"}
        </Button>
      </form>
    </section>
  );
}

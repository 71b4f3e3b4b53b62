import { useState, type FormEvent } from "react";
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  Textarea,
  Title2,
} from "@fluentui/react-components";
import {
  createCommunityRequestSchema,
  fieldProblems,
  limits,
  parseWithSentences,
  type Community,
} from "@practice-hub/shared";
import { ErrorState } from "../../../components/ErrorState";
import { stack } from "../../../components/layoutStyles";
import { useAction } from "../../../components/useAction";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";

const useStyles = makeStyles({
  root: { maxWidth: "560px", ...stack("M"), "& h2": { margin: 0 } },
  form: stack("M"),
  submit: { justifySelf: "start" },
});

/** Where the API's paths of a new community land on the form. */
const communityPlacement = {
  name: "name",
  profession: "profession",
  description: "description",
} as const;

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
  const errors = useFormErrors(communityPlacement, { name, profession, description });
  const action = useAction(errors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    // Checked here first with the API's own schema and sentences, so an empty name is caught
    // without a round trip and reads exactly as the API would have said it.
    const subject = "The community";
    const request = parseWithSentences(
      createCommunityRequestSchema,
      { name, profession, description },
      subject,
    );
    if (!request.success) {
      errors.invalid(subject, fieldProblems(request.error));
      return;
    }
    await action.run(async () => onCreated(await api.createCommunity(request.data)));
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
        <Field label="Community name" required {...errors.field("name")}>
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
          {...errors.field("profession")}
        >
          <Input
            value={profession}
            maxLength={limits.communityName}
            onChange={(_event, data) => setProfession(data.value)}
          />
        </Field>
        <Field label="What is it for?" {...errors.field("description")}>
          <Textarea
            value={description}
            maxLength={1_000}
            onChange={(_event, data) => setDescription(data.value)}
          />
        </Field>
        {errors.formError && (
          <ErrorState title="The community was not created" error={errors.formError} />
        )}
        <Button className={styles.submit} appearance="primary" type="submit" disabled={action.busy}>
          {action.busy ? "Starting the community" : "Start a community"}
        </Button>
      </form>
    </section>
  );
}

import { useRef, useState } from "react";
import { Button, Checkbox, Field, Select, Textarea } from "@fluentui/react-components";
import { retroLimits, type Retro } from "@practice-hub/shared";
import { newSubmissionKey } from "../../../api/retros";
import { FormError } from "../../../components/FormError";
import { useAction } from "../../../components/useAction";
import { useFormErrors } from "../../../components/useFormErrors";
import { useEnvironment } from "../../../environment";
import { FormSection } from "./FormSection";

/** Where the API's paths of a new entry land on the form. */
const entryPlacement = { promptId: "prompt", score: "score", text: "text" } as const;

/** The form to add an entry while the retro collects, anonymous unless the person says otherwise. */
export function EntryForm({
  retro,
  onAdded,
}: {
  retro: Retro;
  onAdded(counts: Record<string, number>): void;
}) {
  const { api } = useEnvironment();
  const [promptId, setPromptId] = useState(retro.format.prompts[0]?.id ?? "");
  const [text, setText] = useState("");
  const [score, setScore] = useState("3");
  const [named, setNamed] = useState(false);
  const errors = useFormErrors(entryPlacement, { prompt: promptId, score, text });
  const action = useAction(errors);
  // One key per submission: kept while the same text is retried, renewed once it is stored.
  const key = useRef(newSubmissionKey());

  const submit = () =>
    action.run(async () => {
      const answer = await api.retros.addEntry(retro.communityId, retro.id, {
        promptId,
        text,
        anonymous: !named,
        ...(retro.format.scored ? { score: Number(score) } : {}),
        submissionKey: key.current,
      });
      key.current = newSubmissionKey();
      setText("");
      onAdded(answer.counts);
    }, "Entry added");

  return (
    <FormSection id="add" title="Add an entry">
      <Field label="Prompt" {...errors.field("prompt")}>
        <Select value={promptId} onChange={(_e, data) => setPromptId(data.value)}>
          {retro.format.prompts.map((prompt) => (
            <option key={prompt.id} value={prompt.id}>
              {prompt.label}
            </option>
          ))}
        </Select>
      </Field>
      {retro.format.scored && (
        <Field label="Score from 1 (poor) to 5 (great)" {...errors.field("score")}>
          <Select value={score} onChange={(_e, data) => setScore(data.value)}>
            {[1, 2, 3, 4, 5].map((value) => (
              <option key={value} value={String(value)}>
                {value}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Field label="Your entry" {...errors.field("text")}>
        <Textarea
          value={text}
          maxLength={retroLimits.entryText}
          onChange={(_e, data) => setText(data.value)}
        />
      </Field>
      <Checkbox
        checked={named}
        onChange={(_e, data) => setNamed(data.checked === true)}
        label="Show my name with this entry (entries are anonymous otherwise)"
      />
      <FormError error={errors.formError} />
      <div>
        <Button
          appearance="primary"
          disabled={action.busy || text.trim() === ""}
          onClick={() => void submit()}
        >
          Add entry
        </Button>
      </div>
    </FormSection>
  );
}

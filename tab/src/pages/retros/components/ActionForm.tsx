import { useCallback, useRef, useState } from "react";
import { Button, Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import {
  pageSizes,
  retroLimits,
  type AddRetroActionRequest,
  type PersonRef,
  type Retro,
} from "@practice-hub/shared";
import { appendPage } from "../../../api/paging";
import { newSubmissionKey } from "../../../api/retros";
import { FormError } from "../../../components/FormError";
import { ShowMore } from "../../../components/ShowMore";
import { useAction } from "../../../components/useAction";
import { useFormErrors } from "../../../components/useFormErrors";
import { useLoad } from "../../../components/useLoad";
import { useEnvironment } from "../../../environment";
import { FormSection } from "./FormSection";
import {
  actionReady,
  actionRequest,
  afterActionAdded,
  asLearningGoal,
  chosenOwner,
  emptyAction,
  type ActionValues,
} from "../retroForms";

/** Where the API's paths of a new action land on the form. */
const actionPlacement = { text: "text", owner: "owner", dueDate: "dueDate" } as const;

/**
 * The facilitator's form for an action while the retro decides: owners from the members (a page
 * at a time), a learning goal from the top-voted item, one submission key per action.
 */
export function ActionForm({
  retro,
  communityId,
  onAdd,
}: {
  retro: Retro;
  communityId: string;
  /** Resolves once the action is stored; rejects with the API's error otherwise. */
  onAdd(request: AddRetroActionRequest): Promise<void>;
}) {
  const { api } = useEnvironment();
  // Owners are chosen from the members: the largest page, and more on request.
  const loadPeople = useCallback(
    () => api.people.people(communityId, null, pageSizes.people.max),
    [api, communityId],
  );
  const { state: people, update: updatePeople } = useLoad(loadPeople);
  const morePeople = async () => {
    if (people.status !== "ready" || !people.data.nextCursor) return;
    const page = await api.people.people(communityId, people.data.nextCursor, pageSizes.people.max);
    updatePeople((current) => ({
      ...current,
      members: appendPage(current.members, page.members, (member) => member.person.id),
      nextCursor: page.nextCursor,
    }));
  };
  const known: PersonRef[] =
    people.status === "ready"
      ? people.data.members.map((member) => member.person)
      : [retro.startedBy];
  const [values, setValues] = useState<ActionValues>(emptyAction);
  const set = (change: Partial<ActionValues>) =>
    setValues((current) => ({ ...current, ...change }));
  const errors = useFormErrors(actionPlacement, {
    text: values.text,
    owner: values.ownerId,
    dueDate: values.dueDate,
  });
  const action = useAction(errors);
  // One key per action: a retried or double-clicked submission stores one action.
  const key = useRef(newSubmissionKey());
  const owner = chosenOwner(values, known);
  const top = retro.voteItems[0];

  const submit = async () => {
    if (!owner) return;
    const stored = await action.run(() => onAdd(actionRequest(values, owner.id, key.current)));
    // Cleared only once stored: a failed request keeps what was typed for another try.
    if (!stored) return;
    key.current = newSubmissionKey();
    setValues(afterActionAdded);
  };

  return (
    <FormSection id="decide" title="Add an action">
      <Field label="What will be done" {...errors.field("text")}>
        <Textarea
          value={values.text}
          maxLength={retroLimits.actionText}
          onChange={(_e, data) => set({ text: data.value })}
        />
      </Field>
      {top && (
        <div>
          <Button
            size="small"
            onClick={() => setValues((current) => asLearningGoal(current, top.title))}
          >
            Turn the top complaint into a learning goal
          </Button>
        </div>
      )}
      <Checkbox
        checked={values.kind === "learningGoal"}
        onChange={(_e, data) => set({ kind: data.checked === true ? "learningGoal" : "action" })}
        label="This is a learning goal"
      />
      <Field label="Owner" {...errors.field("owner")}>
        <Select value={values.ownerId} onChange={(_e, data) => set({ ownerId: data.value })}>
          <option value="">Choose an owner</option>
          {known.map((person) => (
            <option key={person.id} value={person.id}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {people.status === "ready" && people.data.nextCursor && (
        <ShowMore label="Show more people to choose from" onMore={morePeople} />
      )}
      <Field label="Due date" {...errors.field("dueDate")}>
        <Input
          type="date"
          value={values.dueDate}
          onChange={(_e, data) => set({ dueDate: data.value })}
        />
      </Field>
      <Checkbox
        checked={values.escalate}
        onChange={(_e, data) => set({ escalate: data.checked === true })}
        label="Escalate to leadership"
      />
      <FormError error={errors.formError} />
      <div>
        <Button
          appearance="primary"
          disabled={action.busy || !actionReady(values, known)}
          onClick={() => void submit()}
        >
          Add action
        </Button>
      </div>
    </FormSection>
  );
}

import {
  learningGoalFrom,
  retroLimits,
  type AddRetroActionRequest,
  type PersonRef,
  type RetroFormatId,
  type StartRetroRequest,
} from "@practice-hub/shared";

/** What the "Start a retro" form holds, as typed. */
export interface StartRetroValues {
  format: RetroFormatId;
  title: string;
  /** The custom format's prompts, one per line. */
  prompts: string;
  votes: string;
}

/** The start form before anything is typed. */
export const emptyStartRetro: StartRetroValues = {
  format: "keepDropAdd",
  title: "",
  prompts: "",
  votes: String(retroLimits.votesPerPersonDefault),
};

/**
 * The request a start form sends: a title only when one is typed, and for a custom format its
 * non-blank lines as prompts under that title (or "Our format"). The service checks the rest.
 */
export function startRetroRequest(values: StartRetroValues): StartRetroRequest {
  const title = values.title.trim();
  const prompts = values.prompts
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((label) => ({ label }));
  return {
    format: values.format,
    ...(title ? { title } : {}),
    ...(values.format === "custom" ? { custom: { title: title || "Our format", prompts } } : {}),
    votesPerPerson: Number(values.votes),
  };
}

/** What the "Add an action" form holds, as typed. */
export interface ActionValues {
  text: string;
  kind: "action" | "learningGoal";
  ownerId: string;
  dueDate: string;
  escalate: boolean;
}

/** The action form before anything is typed. */
export const emptyAction: ActionValues = {
  text: "",
  kind: "action",
  ownerId: "",
  dueDate: "",
  escalate: false,
};

/** The top-voted item turned into a learning goal: its text, and the kind ticked. */
export function asLearningGoal(values: ActionValues, topTitle: string): ActionValues {
  return { ...values, text: learningGoalFrom(topTitle), kind: "learningGoal" };
}

/** The owner chosen among the people offered, if still among them. */
export function chosenOwner(values: ActionValues, people: readonly PersonRef[]) {
  return people.find((person) => person.id === values.ownerId);
}

/** Whether the action can be sent: an owner offered, some text and a due date. */
export function actionReady(values: ActionValues, people: readonly PersonRef[]): boolean {
  return (
    chosenOwner(values, people) !== undefined && values.text.trim() !== "" && values.dueDate !== ""
  );
}

/** The request for a ready form (see actionReady), under one submission key. */
export function actionRequest(
  values: ActionValues,
  ownerId: string,
  submissionKey: string,
): AddRetroActionRequest {
  return {
    text: values.text,
    kind: values.kind,
    owner: { id: ownerId },
    dueDate: values.dueDate,
    escalate: values.escalate,
    submissionKey,
  };
}

/**
 * The form once an action is stored: ready for the next one by the same owner on the same date
 * (facilitators often add several); the text, its kind and the escalation start again.
 */
export function afterActionAdded(values: ActionValues): ActionValues {
  return { ...values, text: "", kind: "action", escalate: false };
}

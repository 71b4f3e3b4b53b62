/** The Action.Execute verbs and input ids the retro cards and the bot's handlers agree on. */

/** The Action.Execute verbs of retro cards; the bot registers a handler for each. */
export const retroVerbs = {
  addEntry: "retro.entry.add",
  vote: "retro.vote",
  move: "retro.phase.move",
  refresh: "retro.refresh",
  setActionStatus: "retro.action.status",
  /** Read only: Teams asks it when the owner's card is shown, so overdue appears on time. */
  refreshAction: "retro.action.refresh",
} as const;

/** Ids of the card's inputs: their values arrive in the action's data under these names. */
export const retroCardInputs = {
  promptId: "promptId",
  text: "text",
  score: "score",
  visibility: "visibility",
  target: "target",
} as const;

import { learningGoalFrom } from "@practice-hub/shared";
import {
  actionReady,
  actionRequest,
  afterActionAdded,
  asLearningGoal,
  emptyAction,
  emptyStartRetro,
  startRetroRequest,
} from "./retroForms";

const ana = { id: "ana", displayName: "Ana Champion" };

describe("the start form's request", () => {
  it("sends a built-in format without a title when none is typed", () => {
    expect(startRetroRequest({ ...emptyStartRetro, votes: "3" })).toEqual({
      format: "keepDropAdd",
      votesPerPerson: 3,
    });
  });

  it("sends a custom format's non-blank lines as prompts under its typed title", () => {
    expect(
      startRetroRequest({
        format: "custom",
        title: "  Launch review ",
        prompts: "What surprised us\n\n  What we would repeat \n",
        votes: "5",
      }),
    ).toEqual({
      format: "custom",
      title: "Launch review",
      custom: {
        title: "Launch review",
        prompts: [{ label: "What surprised us" }, { label: "What we would repeat" }],
      },
      votesPerPerson: 5,
    });
  });

  it("names a custom format with no title 'Our format'", () => {
    const request = startRetroRequest({ ...emptyStartRetro, format: "custom", prompts: "One" });
    expect(request.custom?.title).toBe("Our format");
    expect(request.title).toBeUndefined();
  });
});

describe("the action form", () => {
  const filled = {
    ...emptyAction,
    text: "Write the runbook",
    ownerId: "ana",
    dueDate: "2026-04-01",
  };

  it("is ready only with an owner among those offered, some text and a due date", () => {
    expect(actionReady(filled, [ana])).toBe(true);
    expect(actionReady(filled, [])).toBe(false);
    expect(actionReady({ ...filled, text: "   " }, [ana])).toBe(false);
    expect(actionReady({ ...filled, dueDate: "" }, [ana])).toBe(false);
  });

  it("sends what was typed under the submission key", () => {
    expect(actionRequest({ ...filled, escalate: true }, "ana", "key-1")).toEqual({
      text: "Write the runbook",
      kind: "action",
      owner: { id: "ana" },
      dueDate: "2026-04-01",
      escalate: true,
      submissionKey: "key-1",
    });
  });

  it("turns the top-voted item into a learning goal", () => {
    expect(asLearningGoal(filled, "Flaky tests")).toEqual({
      ...filled,
      text: learningGoalFrom("Flaky tests"),
      kind: "learningGoal",
    });
  });

  it("keeps the owner and date for the next action once one is stored", () => {
    const next = afterActionAdded({ ...filled, kind: "learningGoal", escalate: true });
    expect(next).toEqual({ ...emptyAction, ownerId: "ana", dueDate: "2026-04-01" });
  });
});

import { daysOverdue, isActionOverdue, learningGoalFrom } from "./actions";

const now = new Date("2026-11-20T10:00:00.000Z");

describe("overdue actions", () => {
  it("flags an open action whose due date has passed", () => {
    expect(isActionOverdue({ dueDate: "2026-11-19", status: "open" }, now)).toBe(true);
    expect(daysOverdue({ dueDate: "2026-11-19", status: "open" }, now)).toBe(1);
  });

  it("does not flag an action due today", () => {
    expect(isActionOverdue({ dueDate: "2026-11-20", status: "open" }, now)).toBe(false);
  });

  it("does not flag a done action, however late", () => {
    expect(isActionOverdue({ dueDate: "2026-01-01", status: "done" }, now)).toBe(false);
  });

  it("still flags an action whose owner asked for help", () => {
    expect(isActionOverdue({ dueDate: "2026-11-01", status: "needHelp" }, now)).toBe(true);
  });
});

describe("learningGoalFrom", () => {
  it("turns 'we do X wrong' into learning to do X well", () => {
    expect(learningGoalFrom("We do OKRs wrong")).toBe("Learn to do OKRs well");
  });

  it("turns 'we are using X badly' into learning to use X well", () => {
    expect(learningGoalFrom("we are using roadmaps badly.")).toBe("Learn to use roadmaps well");
  });

  it("turns 'nobody knows how to' into a how-to goal", () => {
    expect(learningGoalFrom("Nobody knows how to run a discovery")).toBe(
      "Learn how to run a discovery",
    );
  });

  it("frames any other complaint as something to improve", () => {
    expect(learningGoalFrom("Too many meetings!")).toBe("Learn how to improve: Too many meetings");
  });
});

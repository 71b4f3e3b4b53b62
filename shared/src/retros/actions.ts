import { calendarDateOf, daysBetween } from "../time";

/** What "overdue" needs of an action. */
export interface TrackedAction {
  dueDate: string;
  status: "open" | "done" | "needHelp";
}

/**
 * True when an action is not done and its due date has passed: an action due today is not yet
 * overdue. Dates are calendar dates compared in UTC, the zone every instant is stored in.
 */
export function isActionOverdue(action: TrackedAction, now: Date): boolean {
  if (action.status === "done") return false;
  return action.dueDate < calendarDateOf(now);
}

/** Days an action is past its due date, 0 when it is not overdue. */
export function daysOverdue(action: TrackedAction, now: Date): number {
  return isActionOverdue(action, now) ? daysBetween(`${action.dueDate}T23:59:59.999Z`, now) + 1 : 0;
}

const complaintPatterns: [RegExp, (match: RegExpMatchArray) => string][] = [
  // "we do OKRs wrong", "we are doing discovery badly"
  [
    /^we(?:'re| are)? (?:do|doing|run|running|use|using|write|writing) (.+?) (?:wrong|badly|poorly)$/i,
    (m) => `Learn to ${verbOf(m[0])} ${m[1]} well`,
  ],
  // "we don't know how to prioritise", "nobody knows how to run a workshop"
  [/^(?:we don't|we do not|nobody|no one) knows? how to (.+)$/i, (m) => `Learn how to ${m[1]}`],
  // "we are bad at estimates", "we're not good at storytelling"
  [/^we(?:'re| are) (?:bad|terrible|not good) at (.+)$/i, (m) => `Get better at ${m[1]}`],
];

function verbOf(sentence: string): string {
  const verb = /\b(do|doing|run|running|use|using|write|writing)\b/i.exec(sentence)?.[1] ?? "do";
  const base: Record<string, string> = {
    doing: "do",
    running: "run",
    using: "use",
    writing: "write",
  };
  return base[verb.toLowerCase()] ?? verb.toLowerCase();
}

/**
 * Suggests a learning goal for a complaint ("we do OKRs wrong" -> "Learn to use OKRs well" is
 * what people write; we offer "Learn to do OKRs well" and let them edit it). Complaints that fit
 * no pattern are framed as "Learn how to improve: ...". The facilitator always edits the text.
 */
export function learningGoalFrom(complaint: string): string {
  const text = complaint.trim().replace(/[.!]+$/, "");
  for (const [pattern, build] of complaintPatterns) {
    const match = text.match(pattern);
    if (match) return build(match);
  }
  return `Learn how to improve: ${text}`;
}

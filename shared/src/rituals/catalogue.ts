import { z } from "zod";
import type { Recurrence, Schedule, WeekdayCode } from "./recurrence";
import { addDays, daysFromTo, type LocalDate, type LocalTime } from "./zones";

/** The rituals DOMAIN.md describes, as templates a champion starts from. */
export const ritualTemplateIds = [
  "learningSession",
  "officeHours",
  "bookClub",
  "showAndTell",
  "skillPractice",
  "communityRetro",
  "pulseCheck",
  "kickOff",
  "allHands",
] as const;
export const ritualTemplateIdSchema = z.enum(ritualTemplateIds);
export type RitualTemplateId = z.infer<typeof ritualTemplateIdSchema>;

/** A template: what the ritual is for, how often and how long by default, and a suggested agenda. */
export interface RitualTemplate {
  id: RitualTemplateId;
  name: string;
  purpose: string;
  /** The default recurrence kind, with interval for weekly ones; one-offs are "once". */
  cadence: { kind: Recurrence["kind"]; interval?: number; label: string };
  durationMinutes: number;
  agenda: string;
  /** Who rotates: the person running the session or the one presenting. */
  rotatingRole: "facilitator" | "presenter";
}

/** The catalogue, in the order the tab offers it. Every sentence is ours. */
export const ritualCatalogue: readonly RitualTemplate[] = [
  {
    id: "learningSession",
    name: "Learning session",
    purpose: "One member teaches something they know well; everyone applies it to their own work.",
    cadence: { kind: "monthlyWeekday", label: "Monthly" },
    durationMinutes: 60,
    agenda:
      "- Talk (20-30 min)\n- Discussion: how would this work for us? (30-40 min)\n- Pick next month's presenter",
    rotatingRole: "presenter",
  },
  {
    id: "officeHours",
    name: "Office hours",
    purpose: "Drop in with a practical question and leave with an answer or a contact.",
    cadence: { kind: "weekly", interval: 1, label: "Weekly" },
    durationMinutes: 30,
    agenda: "- Collect questions\n- Answer the most pressing first\n- Note follow-ups",
    rotatingRole: "facilitator",
  },
  {
    id: "bookClub",
    name: "Book or content club",
    purpose: "Everyone reads the same chapter or article and brings one idea to try here.",
    cadence: { kind: "monthlyWeekday", label: "Monthly" },
    durationMinutes: 45,
    agenda:
      "- One-line takeaways from everyone\n- What would this look like in our teams?\n- Choose the next piece",
    rotatingRole: "facilitator",
  },
  {
    id: "showAndTell",
    name: "Show and tell",
    purpose: "Short demos of work in progress, discoveries, wins and honest failures.",
    cadence: { kind: "weekly", interval: 2, label: "Every two weeks" },
    durationMinutes: 45,
    agenda:
      "- Three or four demos of up to 10 minutes\n- Questions after each\n- Call for next demos",
    rotatingRole: "presenter",
  },
  {
    id: "skillPractice",
    name: "Skill practice",
    purpose: "Practise a craft skill together, such as interviewing or critiquing a roadmap.",
    cadence: { kind: "once", label: "As needed" },
    durationMinutes: 75,
    agenda: "- Set up the exercise\n- Practise in pairs or threes\n- Share what you noticed",
    rotatingRole: "facilitator",
  },
  {
    id: "communityRetro",
    name: "Community retro",
    purpose:
      "Look back on the quarter: what to keep, start, stop, and whether the purpose still fits.",
    cadence: { kind: "weekly", interval: 13, label: "Quarterly" },
    durationMinutes: 60,
    agenda:
      "- Keep, start, stop, do differently\n- Is our purpose still right?\n- Actions with owners and dates",
    rotatingRole: "facilitator",
  },
  {
    id: "pulseCheck",
    name: "Pulse check",
    purpose: "An asynchronous check on how the community is feeling.",
    cadence: { kind: "monthlyWeekday", label: "Monthly, async" },
    durationMinutes: 15,
    agenda:
      "- Post the question in the channel\n- Gather answers for two days\n- Share what you heard",
    rotatingRole: "facilitator",
  },
  {
    id: "kickOff",
    name: "Kick-off",
    purpose: "Start the community: purpose, introductions, norms and the first rhythm.",
    cadence: { kind: "once", label: "Once" },
    durationMinutes: 90,
    agenda:
      "- Why we are here\n- Introductions: one thing to learn, one to teach\n- Agree our norms\n- Choose a rhythm and the first session\n- Ask for volunteers",
    rotatingRole: "facilitator",
  },
  {
    id: "allHands",
    name: "All-hands or offsite",
    purpose: "Bring a large, spread-out community together once or twice a year.",
    cadence: { kind: "once", label: "Once or twice a year" },
    durationMinutes: 240,
    agenda: "- Highlights from each segment\n- Workshops\n- Time to meet people",
    rotatingRole: "facilitator",
  },
];

/** A template by id. */
export function ritualTemplate(id: RitualTemplateId): RitualTemplate {
  const template = ritualCatalogue.find((t) => t.id === id);
  if (!template) throw new RangeError(`Unknown ritual template ${id}`);
  return template;
}

/** What the starter rhythm creates: a name, a template and a schedule for each ritual. */
export interface StarterRitual {
  templateId: RitualTemplateId;
  schedule: Schedule;
}

const weekdayIndex: Record<WeekdayCode, number> = {
  MO: 1,
  TU: 2,
  WE: 3,
  TH: 4,
  FR: 5,
  SA: 6,
  SU: 7,
};

/** The first local date on or after `from` that falls on the weekday. */
export function nextWeekday(from: LocalDate, weekday: WeekdayCode): LocalDate {
  const isoDay = ((new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  return addDays(from, (weekdayIndex[weekday] - isoDay + 7) % 7);
}

/**
 * The four-week starter rhythm (DOMAIN.md): week 1 office hours, week 2 show and tell, week 3
 * office hours, week 4 learning session, repeating. That is three series: office hours every two
 * weeks from week 1, show and tell every four weeks from week 2, a learning session every four
 * weeks from week 4, all on the same weekday and time.
 */
export function starterRhythm(props: {
  from: LocalDate;
  weekday: WeekdayCode;
  time: LocalTime;
  timeZone: string;
}): StarterRitual[] {
  const week1 = nextWeekday(props.from, props.weekday);
  const series = (templateId: RitualTemplateId, weekOffset: number, interval: number) => ({
    templateId,
    schedule: {
      startDate: addDays(week1, weekOffset * 7),
      startTime: props.time,
      durationMinutes: ritualTemplate(templateId).durationMinutes,
      timeZone: props.timeZone,
      recurrence: { kind: "weekly" as const, interval, weekday: props.weekday },
      until: null,
    },
  });
  return [
    series("officeHours", 0, 2),
    series("showAndTell", 1, 4),
    series("learningSession", 3, 4),
  ];
}

/** Months under which a community counts as young for the "starting big" warning. */
export const youngCommunityMonths = 6;
/** More active rituals than this, in a young community, is starting big. */
export const startingBigRituals = 3;

/**
 * True when a community younger than six months runs more than three rituals: DOMAIN.md names
 * starting with many rituals as a known failure (consistency beats intensity).
 */
export function isStartingBig(props: {
  communityCreatedOn: LocalDate;
  today: LocalDate;
  activeRituals: number;
}): boolean {
  const young = daysFromTo(props.communityCreatedOn, props.today) < youngCommunityMonths * 30.44;
  return young && props.activeRituals > startingBigRituals;
}

import {
  addDays,
  concentrationWindow,
  ritualFieldsFromTemplate,
  expandSchedule,
  nextWeekday,
  ritualTemplate,
  starterRhythm,
  toIso,
  unchangedOccurrence,
  wallClockOf,
  type LocalDate,
  type Volunteer,
} from "@practice-hub/shared";
import {
  ConcurrencyError,
  isConflict,
  type OccurrenceEntity,
  type RitualEntity,
  type RsvpImport,
  type Store,
} from "../store";
import { demoCommunityId, demoIdentities, demoTenantId } from "./demoIdentities";

/** Stable ids, so a second `npm start` finds the rhythm instead of adding another. */
const seededIds = {
  officeHours: "seedofficehours",
  showAndTell: "seedshowandtell",
  learningSession: "seedlearning",
} as const;

const nameOf = (id: string) => demoIdentities.find((p) => p.id === id)?.displayName ?? id;

/**
 * Colleagues who volunteer but never sign in to the demo: with them the rotation has four
 * people, as a real rhythm should, and the demo does not warn that the same few run everything.
 */
const volunteers: Volunteer[] = [
  { id: "demo-champion", displayName: nameOf("demo-champion"), awayDates: [] },
  { id: "demo-member", displayName: nameOf("demo-member"), awayDates: [] },
  { id: "demo-priya", displayName: "Priya Natarajan", awayDates: [] },
  { id: "demo-tomas", displayName: "Tomás Ferreira", awayDates: [] },
];

/**
 * The demo community runs the starter rhythm (Wednesdays at 12:00 London time) from ten weeks
 * before the seed: past sessions have a facilitator, attendance and notes, upcoming ones a few
 * RSVPs, so a newcomer's calendar is never empty. Safe to run on every start.
 */
export async function seedRituals({ store, now }: { store: Store; now: Date }): Promise<void> {
  const community = await store.communities.find({
    tenantId: demoTenantId,
    communityId: demoCommunityId,
  });
  if (!community) return;
  const today = wallClockOf(now, "Europe/London").date;
  const from = nextWeekday(addDays(today, -70), "WE");
  const series = starterRhythm({ from, weekday: "WE", time: "12:00", timeZone: "Europe/London" });

  const rituals: Omit<RitualEntity, "etag">[] = [];
  const rows: Omit<OccurrenceEntity, "etag" | "rsvps">[] = [];
  const answered: { ritualId: string; originalDate: LocalDate; answers: RsvpImport[] }[] = [];
  const going = (id: string): RsvpImport => ({
    userId: id,
    response: "going",
    displayName: nameOf(id),
  });
  let turn = 0;
  for (const { templateId, schedule } of series) {
    const template = ritualTemplate(templateId);
    const ritualId = seededIds[templateId as keyof typeof seededIds];
    const lastServed: Record<string, LocalDate> = {};
    const recent: { personId: string; date: LocalDate }[] = [];
    let nextAnswered = false;
    const planned = expandSchedule(
      schedule,
      new Date(`${from}T00:00:00Z`),
      new Date(`${addDays(today, 28)}T00:00:00Z`),
    );
    for (const occurrence of planned) {
      const past = occurrence.end.getTime() < now.getTime();
      if (past) {
        // Least recently served first, as the rotation would have chosen.
        const facilitator = volunteers[turn % volunteers.length] ?? volunteers[0];
        turn += 1;
        if (!facilitator) continue;
        lastServed[facilitator.id] = occurrence.originalDate;
        recent.unshift({ personId: facilitator.id, date: occurrence.originalDate });
        rows.push({
          ritualId,
          originalDate: occurrence.originalDate,
          change: unchangedOccurrence,
          facilitatorName: null,
          attendance: {
            attendeeIds: ["demo-champion", "demo-member", "demo-priya", "demo-tomas"].slice(
              0,
              2 + (turn % 3),
            ),
            notes: `${template.name}: good turnout; two follow-ups noted in the channel.`,
            recordingUrl:
              templateId === "officeHours" ? null : "https://example.com/recordings/demo",
            facilitatorId: facilitator.id,
            recordedAt: toIso(occurrence.end),
          },
          swapRequest: null,
          sequence: 0,
        });
        answered.push({
          ritualId,
          originalDate: occurrence.originalDate,
          answers: [going("demo-member"), going("demo-champion")],
        });
      } else if (!nextAnswered) {
        // The next session of each ritual has an answer already; it needs no occurrence row.
        nextAnswered = true;
        answered.push({
          ritualId,
          originalDate: occurrence.originalDate,
          answers: [going("demo-champion")],
        });
      }
    }
    rituals.push({
      ritualId,
      fields: ritualFieldsFromTemplate({ templateId, schedule }),
      volunteers,
      lastServed,
      recentSessions: recent.slice(0, concentrationWindow),
      communityCreatedAt: community.createdAt,
      createdAt: toIso(new Date(`${from}T09:00:00Z`)),
      sequence: 0,
    });
  }

  await store.rituals.indexCommunity({ tenantId: demoTenantId, communityId: demoCommunityId });
  try {
    await store.rituals.createRituals({
      tenantId: demoTenantId,
      communityId: demoCommunityId,
      rituals,
    });
  } catch (error) {
    // Seeded on an earlier start: leave the calendar as people have since changed it.
    if (isConflict(error)) return;
    throw error;
  }
  for (const row of rows) {
    try {
      await store.rituals.saveOccurrence({
        tenantId: demoTenantId,
        communityId: demoCommunityId,
        write: {
          ...row,
          expectedEtag: null,
        },
      });
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
    }
  }
  for (const { ritualId, originalDate, answers } of answered) {
    try {
      await store.rituals.importRsvps({
        tenantId: demoTenantId,
        communityId: demoCommunityId,
        ritualId,
        originalDate,
        answers,
      });
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
}

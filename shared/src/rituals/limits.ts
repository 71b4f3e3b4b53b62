/**
 * Limits of the ritual calendar, shared by the tab's forms and the service's schemas (the
 * general ones live in validations.ts). Volunteer and attendance lists live inside one entity,
 * so their caps keep it well under Table Storage's 32K characters a property and 1 MB an entity.
 */
export const ritualLimits = {
  ritualName: 80,
  ritualPurpose: 500,
  ritualAgenda: 2_000,
  ritualCancelReason: 300,
  /** A location or circle inside the community ("London", "Platform teams"). */
  segment: 60,
  sessionNotes: 4_000,
  recordingUrl: 500,
  volunteers: 50,
  awayDates: 100,
  /**
   * RSVPs and attendance of one occurrence. Each answer is a row of its own; attendance lives in
   * the occurrence's row, where ids of at most 128 key-safe characters keep it far below the 1 MB
   * entity limit (the store splits it over several properties, each under 32K characters).
   */
  peoplePerOccurrence: 400,
  /** Characters of a name kept beside an RSVP: longer names are cut, to keep that bound. */
  rsvpDisplayName: 64,
  /** Rituals one community may run at once. */
  ritualsPerCommunity: 60,
  /** Longest range of one occurrences query (the promise to the tab). */
  occurrencesRangeDays: 100,
  /** Reminder lead times of one ritual, in minutes. */
  reminderOffsets: 4,
} as const;

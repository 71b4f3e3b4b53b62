import {
  apiPaths,
  occurrenceSchema,
  occurrencesResponseSchema,
  ritualSchema,
  ritualsResponseSchema,
  staleRitualDataSchema,
  calendarFeedResponseSchema,
  type CalendarFeedResponse,
  starterRhythmResponseSchema,
  type AttendanceRequest,
  type Occurrence,
  type OccurrenceChangeRequest,
  type OccurrencesResponse,
  type Ritual,
  type RitualInput,
  type RitualsResponse,
  type RsvpResponse,
  type StarterRhythmRequest,
} from "@practice-hub/shared";
import { ApiRequestError } from "./errors";
import { apiRequest, rawApiRequest } from "./request";

/** The calendar's calls; the shared ApiClient exposes them as `api.calendar`. */
export interface CalendarApi {
  rituals(communityId: string): Promise<RitualsResponse>;
  occurrences(communityId: string, from: Date, to: Date): Promise<OccurrencesResponse>;
  createRitual(communityId: string, input: RitualInput): Promise<Ritual>;
  /** Replaces a ritual's fields if `ritual.etag` is still current; a stale one throws 412. */
  updateRitual(communityId: string, ritual: Ritual, input: RitualInput): Promise<Ritual>;
  /** Deletes a ritual if `ritual.etag` is still current; a stale one throws 412. */
  deleteRitual(communityId: string, ritual: Ritual): Promise<void>;
  startStarterRhythm(communityId: string, request: StarterRhythmRequest): Promise<Ritual[]>;
  volunteer(communityId: string, ritualId: string): Promise<Ritual>;
  rsvp(props: {
    communityId: string;
    occurrence: Occurrence;
    response: RsvpResponse;
  }): Promise<Occurrence>;
  /** The facilitator asks another volunteer to take the session, if `etag` is still current. */
  askForSwap(props: { communityId: string; occurrence: Occurrence }): Promise<Occurrence>;
  /** Another volunteer takes over a session whose facilitator asked for a swap. */
  takeSwap(props: { communityId: string; occurrence: Occurrence }): Promise<Occurrence>;
  /** Moves, cancels or reassigns one occurrence, if `occurrence.etag` is still current. */
  changeOccurrence(props: {
    communityId: string;
    occurrence: Occurrence;
    change: OccurrenceChangeRequest;
  }): Promise<Occurrence>;
  recordAttendance(props: {
    communityId: string;
    occurrence: Occurrence;
    attendance: AttendanceRequest;
  }): Promise<Occurrence>;
  /** The community's subscription URL, or null when the feed is off (champions only). */
  feed(communityId: string): Promise<CalendarFeedResponse>;
  /** Turns the feed on, or replaces its secret so the old URL stops working. */
  renewFeed(communityId: string): Promise<CalendarFeedResponse>;
  revokeFeed(communityId: string): Promise<void>;
  /** One occurrence as an .ics file. */
  occurrenceFile(communityId: string, occurrence: Occurrence): Promise<Blob>;
}

/** The ritual as it is now, when a change was refused because someone else changed it first. */
export function staleRitualOf(error: unknown): Ritual | null {
  if (!(error instanceof ApiRequestError) || error.detail.error !== "stale_version") return null;
  const data = staleRitualDataSchema.safeParse(error.detail.data);
  return data.success ? data.data.current : null;
}

/** Builds the calendar calls over the client's token source. */
export function createCalendarApi(getToken: () => Promise<string>): CalendarApi {
  const occurrencePath = (communityId: string, o: Occurrence) =>
    apiPaths.occurrence(communityId, o.ritualId, o.originalDate);
  /** A change to one occurrence, sent against the version shown: a stale one throws 412. */
  const changeAgainstVersion = async (
    method: "POST" | "PUT",
    path: string,
    occurrence: Occurrence,
    body: unknown,
  ) =>
    apiRequest({
      method,
      path,
      schema: occurrenceSchema,
      body,
      headers: { "If-Match": occurrence.etag },
      token: await getToken(),
    });
  return {
    rituals: async (communityId) =>
      apiRequest({
        method: "GET",
        path: apiPaths.rituals(communityId),
        schema: ritualsResponseSchema,
        token: await getToken(),
      }),
    occurrences: async (communityId, from, to) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.occurrences(communityId)}?${new URLSearchParams({
          from: from.toISOString(),
          to: to.toISOString(),
        }).toString()}`,
        schema: occurrencesResponseSchema,
        token: await getToken(),
      }),
    createRitual: async (communityId, input) =>
      apiRequest({
        method: "POST",
        path: apiPaths.rituals(communityId),
        schema: ritualSchema,
        body: input,
        token: await getToken(),
      }),
    updateRitual: async (communityId, ritual, input) =>
      apiRequest({
        method: "PUT",
        path: apiPaths.ritual(communityId, ritual.id),
        schema: ritualSchema,
        body: input,
        headers: { "If-Match": ritual.etag },
        token: await getToken(),
      }),
    deleteRitual: async (communityId, ritual) => {
      await rawApiRequest("DELETE", apiPaths.ritual(communityId, ritual.id), await getToken(), {
        "If-Match": ritual.etag,
      });
    },
    startStarterRhythm: async (communityId, request) =>
      (
        await apiRequest({
          method: "POST",
          path: apiPaths.starterRhythm(communityId),
          schema: starterRhythmResponseSchema,
          body: request,
          token: await getToken(),
        })
      ).rituals,
    volunteer: async (communityId, ritualId) =>
      apiRequest({
        method: "PUT",
        path: apiPaths.ritualVolunteer(communityId, ritualId),
        schema: ritualSchema,
        body: {},
        token: await getToken(),
      }),
    rsvp: async ({ communityId, occurrence, response }) =>
      apiRequest({
        method: "PUT",
        path: `${occurrencePath(communityId, occurrence)}/rsvp`,
        schema: occurrenceSchema,
        body: { response },
        token: await getToken(),
      }),
    askForSwap: ({ communityId, occurrence: o }) =>
      changeAgainstVersion(
        "POST",
        apiPaths.occurrenceSwapRequest(communityId, o.ritualId, o.originalDate),
        o,
        {},
      ),
    takeSwap: ({ communityId, occurrence: o }) =>
      changeAgainstVersion(
        "POST",
        apiPaths.occurrenceSwapAcceptance(communityId, o.ritualId, o.originalDate),
        o,
        {},
      ),
    changeOccurrence: ({ communityId, occurrence, change }) =>
      changeAgainstVersion("PUT", occurrencePath(communityId, occurrence), occurrence, change),
    recordAttendance: ({ communityId, occurrence, attendance }) =>
      changeAgainstVersion(
        "PUT",
        `${occurrencePath(communityId, occurrence)}/attendance`,
        occurrence,
        attendance,
      ),
    feed: async (communityId) =>
      apiRequest({
        method: "GET",
        path: apiPaths.calendarFeed(communityId),
        schema: calendarFeedResponseSchema,
        token: await getToken(),
      }),
    renewFeed: async (communityId) =>
      apiRequest({
        method: "POST",
        path: apiPaths.calendarFeed(communityId),
        schema: calendarFeedResponseSchema,
        token: await getToken(),
      }),
    revokeFeed: async (communityId) => {
      await rawApiRequest("DELETE", apiPaths.calendarFeed(communityId), await getToken());
    },
    occurrenceFile: async (communityId, occurrence) =>
      (
        await rawApiRequest(
          "GET",
          apiPaths.occurrenceIcs(communityId, occurrence.ritualId, occurrence.originalDate),
          await getToken(),
        )
      ).blob(),
  };
}

import {
  apiPathTemplates as paths,
  ritualFieldsFromTemplate,
  ritualCatalogue,
  starterRhythm,
  type LocalDate,
  type RitualsResponse,
} from "@practice-hub/shared";
import { type Router } from "express";
import { z } from "zod";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import type { Viewer } from "../policies";
import { allowedActions } from "../policies/allowedActions";
import { calendarRowRange } from "./calendar";
import { presentCalendar, presentRitual } from "./presenter";
import { ritualAttendanceRecorder } from "./ritualAttendanceRecorder";
import { ritualCreator } from "./ritualCreator";
import { ritualOccurrenceChanger } from "./ritualOccurrenceChanger";
import { ritualRsvpRecorder } from "./ritualRsvpRecorder";
import { ritualSwapAccepter } from "./ritualSwapAccepter";
import { ritualSwapRequester } from "./ritualSwapRequester";
import { ritualUpdater } from "./ritualUpdater";
import { ritualVolunteerUpdater } from "./ritualVolunteerUpdater";
import {
  attendanceRequestSchema,
  occurrenceParamsSchema,
  ritualParamsSchema,
  ritualRequestSchemas,
  rsvpRequestSchema,
} from "./schema";

const ifMatchSentence = (what: string) =>
  `Send the ${what}'s etag in an If-Match header so that nobody's change is overwritten.`;
const ritualParams = { schema: ritualParamsSchema, what: "The ritual id" };
const may = (action: "read" | "schedule" | "participate") => ({ kind: "ritual", action }) as const;

/** The part of a route's context that names a ritual. */
interface RitualContext {
  viewer: Viewer;
  communityId: string;
  params: { ritualId: string };
}

/** The ritual calendar: rituals, occurrences, exceptions, RSVPs, volunteers and attendance. */
export function ritualsRouter(deps: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const { store, now } = deps;
  const { router, route } = areaRouter(deps);
  const requests = ritualRequestSchemas(now);
  const occurrenceParams = { schema: occurrenceParamsSchema(now), what: "The occurrence" };
  /** What the ritual commands take from a route: the store, the viewer, the ritual, the clock. */
  const ritualOf = (context: RitualContext) => ({
    store,
    viewer: context.viewer,
    communityId: context.communityId,
    ritualId: context.params.ritualId,
    now: now(),
  });
  /** The same, for one occurrence of the ritual. */
  const occurrenceOf = (context: RitualContext & { params: { date: LocalDate } }) => ({
    ...ritualOf(context),
    originalDate: context.params.date,
  });
  // A volunteer may join without a body: nothing sent reads as no away dates.
  const volunteerBody = z.preprocess((body) => body ?? {}, requests.volunteer);

  route(
    { method: "get", path: paths.rituals, authorize: may("read") },
    async ({ res, viewer, communityId }) => {
      const rituals = await store.rituals.listRituals({
        tenantId: viewer.actor.tenantId,
        communityId,
      });
      const body: RitualsResponse = {
        rituals: rituals.map(presentRitual),
        allowedActions: allowedActions(viewer, "ritual", communityId),
      };
      res.json(body);
    },
  );

  // The catalogue is the same for everyone signed in: no roles to read.
  route(
    { method: "get", path: paths.ritualTemplates, authorize: { kind: "tenant", action: "read" } },
    ({ res }) => {
      res.json({ templates: ritualCatalogue });
    },
  );

  route(
    {
      method: "post",
      path: paths.rituals,
      body: { schema: requests.ritualInput, what: "The ritual" },
      authorize: may("schedule"),
    },
    async ({ res, viewer, communityId, body }) => {
      const [ritual] = await ritualCreator({
        store,
        viewer,
        communityId,
        rituals: [body],
        now: now(),
      });
      res.status(201).json(ritual);
    },
  );

  route(
    {
      method: "post",
      path: paths.starterRhythm,
      body: { schema: requests.starterRhythm, what: "The starter rhythm" },
      authorize: may("schedule"),
    },
    async ({ res, viewer, communityId, body }) => {
      const rituals = starterRhythm(body).map(ritualFieldsFromTemplate);
      res.status(201).json({
        rituals: await ritualCreator({ store, viewer, communityId, rituals, now: now() }),
      });
    },
  );

  route(
    {
      method: "put",
      path: paths.ritual,
      params: ritualParams,
      ifMatch: ifMatchSentence("ritual"),
      body: { schema: requests.ritualEdit, what: "The ritual" },
      authorize: may("schedule"),
    },
    async ({ res, body, ifMatch, ...context }) => {
      const ritual = await ritualUpdater({ ...ritualOf(context), fields: body, ifMatch });
      if (ritual) res.setHeader("ETag", ritual.etag);
      res.json(ritual);
    },
  );

  route(
    {
      method: "delete",
      path: paths.ritual,
      params: ritualParams,
      ifMatch: ifMatchSentence("ritual"),
      authorize: may("schedule"),
    },
    async ({ res, ifMatch, ...context }) => {
      await ritualUpdater({ ...ritualOf(context), fields: null, ifMatch });
      res.status(204).end();
    },
  );

  route(
    {
      method: "put",
      path: paths.ritualVolunteer,
      params: ritualParams,
      body: { schema: volunteerBody, what: "The volunteer" },
      authorize: may("participate"),
    },
    async ({ res, body: { awayDates }, ...context }) => {
      const update = { kind: "join", ...(awayDates ? { awayDates } : {}) } as const;
      res.json(await ritualVolunteerUpdater({ ...ritualOf(context), update }));
    },
  );

  route(
    {
      method: "delete",
      path: paths.ritualVolunteer,
      params: ritualParams,
      authorize: may("participate"),
    },
    async ({ res, ...context }) => {
      res.json(await ritualVolunteerUpdater({ ...ritualOf(context), update: { kind: "leave" } }));
    },
  );

  route(
    {
      method: "get",
      path: paths.occurrences,
      query: { schema: requests.occurrencesQuery, what: "The occurrences query" },
      authorize: may("read"),
    },
    async ({ res, viewer, communityId, query }) => {
      const from = new Date(query.from);
      const to = new Date(query.to);
      const { rituals, occurrences } = await store.rituals.readCalendar({
        tenantId: viewer.actor.tenantId,
        communityId,
        ...calendarRowRange({ from, to, now: now() }),
      });
      res.json(
        presentCalendar({
          rituals,
          rows: occurrences,
          from,
          to,
          now: now(),
          viewerId: viewer.actor.userId,
          allowedActions: allowedActions(viewer, "ritual", communityId),
        }),
      );
    },
  );

  route(
    {
      method: "put",
      path: paths.occurrence,
      params: occurrenceParams,
      ifMatch: ifMatchSentence("occurrence"),
      body: { schema: requests.occurrenceChange, what: "The change" },
      authorize: may("schedule"),
    },
    async ({ res, body, ifMatch, ...context }) => {
      const changed = await ritualOccurrenceChanger({
        ...occurrenceOf(context),
        patch: body,
        ifMatch,
      });
      res.setHeader("ETag", changed.etag);
      res.json(changed);
    },
  );

  route(
    {
      method: "put",
      path: paths.occurrenceRsvp,
      params: occurrenceParams,
      body: { schema: rsvpRequestSchema, what: "The RSVP" },
      authorize: may("participate"),
    },
    async ({ res, body, ...context }) => {
      const { response } = body;
      res.json(
        await ritualRsvpRecorder({ ...occurrenceOf(context), actor: context.actor, response }),
      );
    },
  );

  // Swaps: the commands ask the policy about the session itself (who runs it, who volunteers).
  for (const [path, swap] of [
    [paths.occurrenceSwapRequest, ritualSwapRequester],
    [paths.occurrenceSwapAcceptance, ritualSwapAccepter],
  ] as const) {
    route(
      {
        method: "post",
        path,
        params: occurrenceParams,
        ifMatch: ifMatchSentence("occurrence"),
        authorize: may("participate"),
      },
      async ({ res, ifMatch, ...context }) => {
        const swapped = await swap({ ...occurrenceOf(context), ifMatch });
        res.setHeader("ETag", swapped.etag);
        res.json(swapped);
      },
    );
  }

  // ritualAttendanceRecorder asks the policy itself: the session's facilitator may record it.
  route(
    {
      method: "put",
      path: paths.occurrenceAttendance,
      params: occurrenceParams,
      ifMatch: ifMatchSentence("occurrence"),
      body: { schema: attendanceRequestSchema, what: "The attendance" },
      authorize: may("read"),
    },
    async ({ res, body, ifMatch, ...context }) => {
      const recorded = await ritualAttendanceRecorder({
        ...occurrenceOf(context),
        ...body,
        ifMatch,
      });
      res.setHeader("ETag", recorded.etag);
      res.json(recorded);
    },
  );

  return router;
}

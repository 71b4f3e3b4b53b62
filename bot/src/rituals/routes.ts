import {
  defaultReminderOffsets,
  ritualCatalogue,
  ritualTemplate,
  starterRhythm,
  type RitualFields,
  type RitualsResponse,
} from "@practice-hub/shared";
import express, { type Request, type Router } from "express";
import { actorOf } from "../auth";
import { allowedActions } from "../policies/allowedActions";
import { communityAccessChecker } from "../policies/communityAccess";
import { ritualAttendanceRecorder } from "./ritualAttendanceRecorder";
import { ritualCreator } from "./ritualCreator";
import { ritualOccurrenceChanger } from "./ritualOccurrenceChanger";
import { ritualRsvpRecorder } from "./ritualRsvpRecorder";
import { ritualSwapAccepter } from "./ritualSwapAccepter";
import { ritualSwapRequester } from "./ritualSwapRequester";
import { ritualUpdater } from "./ritualUpdater";
import { ritualVolunteerUpdater } from "./ritualVolunteerUpdater";
import { viewerLoader } from "../policies/viewerLoader";
import { parseWith, requiredIfMatch } from "../http/validate";
import { calendarRowRange } from "./calendar";
import { presentCalendar, presentRitual } from "./presenter";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";
import {
  attendanceRequestSchema,
  occurrenceParamsSchema,
  ritualParamsSchema,
  ritualRequestSchemas,
  rsvpRequestSchema,
} from "./schema";

function ifMatchOf(req: Request, what: string): string {
  return requiredIfMatch(
    req,
    `Send the ${what}'s etag in an If-Match header so that nobody's change is overwritten.`,
  );
}

/** The ritual calendar: rituals, occurrences, exceptions, RSVPs, volunteers and attendance. */
export function ritualsRouter({
  store,
  now,
  authenticated,
}: Pick<ApiDeps, "store" | "now" | "authenticated">): Router {
  const router = express.Router();
  const requests = ritualRequestSchemas(now);
  const occurrenceParams = occurrenceParamsSchema(now);
  const base = "/communities/:communityId/rituals";
  const occurrence = `${base}/:ritualId/occurrences/:date`;

  async function access(
    req: Request,
    res: express.Response,
    action: "read" | "schedule" | "participate",
  ) {
    const communityId = communityIdParam(req.params["communityId"]);
    const viewer = await viewerLoader({ store, actor: actorOf(res) });
    await communityAccessChecker({
      store,
      viewer,
      resource: { kind: "ritual", communityId },
      action,
    });
    return { communityId, viewer };
  }

  router.get(base, authenticated, async (req, res) => {
    const { communityId, viewer } = await access(req, res, "read");
    const rituals = await store.rituals.listRituals({
      tenantId: viewer.actor.tenantId,
      communityId,
    });
    const body: RitualsResponse = {
      rituals: rituals.map(presentRitual),
      allowedActions: allowedActions(viewer, "ritual", communityId),
    };
    res.json(body);
  });

  router.get("/ritual-templates", authenticated, (_req, res) => {
    res.json({ templates: ritualCatalogue });
  });

  router.post(base, authenticated, async (req, res) => {
    const fields = parseWith(requests.ritualInput, req.body, "The ritual");
    const { communityId, viewer } = await access(req, res, "schedule");
    const [ritual] = await ritualCreator({
      store,
      viewer,
      communityId,
      rituals: [fields],
      now: now(),
    });
    res.status(201).json(ritual);
  });

  router.post(`${base}/starter-rhythm`, authenticated, async (req, res) => {
    const request = parseWith(requests.starterRhythm, req.body, "The starter rhythm");
    const { communityId, viewer } = await access(req, res, "schedule");
    const rituals: RitualFields[] = starterRhythm(request).map(({ templateId, schedule }) => {
      const template = ritualTemplate(templateId);
      return {
        name: template.name,
        purpose: template.purpose,
        agenda: template.agenda,
        templateId,
        segment: null,
        schedule,
        reminderOffsetsMinutes: [...defaultReminderOffsets],
      };
    });
    res
      .status(201)
      .json({ rituals: await ritualCreator({ store, viewer, communityId, rituals, now: now() }) });
  });

  router.put(`${base}/:ritualId`, authenticated, async (req, res) => {
    const { ritualId } = parseWith(ritualParamsSchema, req.params, "The ritual id");
    const ifMatch = ifMatchOf(req, "ritual");
    const fields = parseWith(requests.ritualEdit, req.body, "The ritual");
    const { communityId, viewer } = await access(req, res, "schedule");
    const ritual = await ritualUpdater({
      store,
      viewer,
      communityId,
      ritualId,
      fields,
      ifMatch,
      now: now(),
    });
    if (ritual) res.setHeader("ETag", ritual.etag);
    res.json(ritual);
  });

  router.delete(`${base}/:ritualId`, authenticated, async (req, res) => {
    const { ritualId } = parseWith(ritualParamsSchema, req.params, "The ritual id");
    const ifMatch = ifMatchOf(req, "ritual");
    const { communityId, viewer } = await access(req, res, "schedule");
    await ritualUpdater({
      store,
      viewer,
      communityId,
      ritualId,
      fields: null,
      ifMatch,
      now: now(),
    });
    res.status(204).end();
  });

  router.put(`${base}/:ritualId/volunteers/me`, authenticated, async (req, res) => {
    const { ritualId } = parseWith(ritualParamsSchema, req.params, "The ritual id");
    const { awayDates } = parseWith(requests.volunteer, req.body ?? {}, "The volunteer");
    const { communityId, viewer } = await access(req, res, "participate");
    res.json(
      await ritualVolunteerUpdater({
        store,
        viewer,
        communityId,
        ritualId,
        update: { kind: "join", ...(awayDates ? { awayDates } : {}) },
      }),
    );
  });

  router.delete(`${base}/:ritualId/volunteers/me`, authenticated, async (req, res) => {
    const { ritualId } = parseWith(ritualParamsSchema, req.params, "The ritual id");
    const { communityId, viewer } = await access(req, res, "participate");
    res.json(
      await ritualVolunteerUpdater({
        store,
        viewer,
        communityId,
        ritualId,
        update: { kind: "leave" },
      }),
    );
  });

  router.get("/communities/:communityId/occurrences", authenticated, async (req, res) => {
    const query = parseWith(requests.occurrencesQuery, req.query, "The occurrences query");
    const { communityId, viewer } = await access(req, res, "read");
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
  });

  router.put(occurrence, authenticated, async (req, res) => {
    const { ritualId, date } = parseWith(occurrenceParams, req.params, "The occurrence");
    const ifMatch = ifMatchOf(req, "occurrence");
    const patch = parseWith(requests.occurrenceChange, req.body, "The change");
    const { communityId, viewer } = await access(req, res, "schedule");
    const body = await ritualOccurrenceChanger({
      store,
      viewer,
      communityId,
      ritualId,
      originalDate: date,
      patch,
      ifMatch,
    });
    res.setHeader("ETag", body.etag);
    res.json(body);
  });

  router.put(`${occurrence}/rsvp`, authenticated, async (req, res) => {
    const { ritualId, date } = parseWith(occurrenceParams, req.params, "The occurrence");
    const { response } = parseWith(rsvpRequestSchema, req.body, "The RSVP");
    const { communityId, viewer } = await access(req, res, "participate");
    res.json(
      await ritualRsvpRecorder({
        store,
        actor: viewer.actor,
        communityId,
        ritualId,
        originalDate: date,
        response,
      }),
    );
  });

  router.post(`${occurrence}/swap-request`, authenticated, async (req, res) => {
    const { ritualId, date } = parseWith(occurrenceParams, req.params, "The occurrence");
    const ifMatch = ifMatchOf(req, "occurrence");
    const { communityId, viewer } = await access(req, res, "participate");
    const body = await ritualSwapRequester({
      store,
      viewer,
      communityId,
      ritualId,
      originalDate: date,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", body.etag);
    res.json(body);
  });

  router.post(`${occurrence}/swap-request/acceptance`, authenticated, async (req, res) => {
    const { ritualId, date } = parseWith(occurrenceParams, req.params, "The occurrence");
    const ifMatch = ifMatchOf(req, "occurrence");
    const { communityId, viewer } = await access(req, res, "participate");
    const body = await ritualSwapAccepter({
      store,
      viewer,
      communityId,
      ritualId,
      originalDate: date,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", body.etag);
    res.json(body);
  });

  router.put(`${occurrence}/attendance`, authenticated, async (req, res) => {
    const { ritualId, date } = parseWith(occurrenceParams, req.params, "The occurrence");
    const ifMatch = ifMatchOf(req, "occurrence");
    const attendance = parseWith(attendanceRequestSchema, req.body, "The attendance");
    const { communityId, viewer } = await access(req, res, "read");
    const body = await ritualAttendanceRecorder({
      store,
      viewer,
      communityId,
      ritualId,
      originalDate: date,
      ...attendance,
      ifMatch,
      now: now(),
    });
    res.setHeader("ETag", body.etag);
    res.json(body);
  });

  return router;
}

import { randomBytes, timingSafeEqual } from "node:crypto";
import {
  addDays,
  apiPathTemplates as paths,
  calendarFeed,
  occurrenceIcs,
  occursOn,
  routePattern,
  type CalendarFeedResponse,
  type IcsSeries,
} from "@practice-hub/shared";
import { type Response, type Router } from "express";
import { z } from "zod";
import { communityNotFound } from "../policies/communityAccess";
import { occurrenceNotFound, ritualNotFound } from "./ritualErrors";
import type { OccurrenceEntity, RitualEntity, Store } from "../store";
import { etagWrite, feedTokenHash } from "../store";
import { communityIdParam } from "../http/communityIdParam";
import type { ApiDeps } from "../http/deps";
import { areaRouter } from "../http/route";
import { occurrenceParamsSchema } from "./schema";

/** How far back and ahead the feed reads occurrence rows for its EXDATEs and moves. */
const feedPastDays = 180;
const feedAheadDays = 400;

const feedParamsSchema = z.object({
  tenantId: z.string().regex(/^[0-9a-f-]{36}$/i),
  communityId: z.string(),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
});

function seriesOf(rituals: RitualEntity[], rows: OccurrenceEntity[]): IcsSeries[] {
  return rituals.map((ritual) => ({
    ritualId: ritual.ritualId,
    name: ritual.fields.name,
    description: ritual.fields.purpose,
    schedule: ritual.fields.schedule,
    sequence: ritual.sequence,
    exceptions: rows
      .filter((row) => row.ritualId === ritual.ritualId)
      .map((row) => ({ originalDate: row.originalDate, ...row.change, sequence: row.sequence })),
  }));
}

function sendCalendar(res: Response, text: string, filename: string): void {
  res.setHeader("Content-Type", "text/calendar; charset=utf-8");
  res.setHeader("Content-Disposition", `attachment; filename="${filename}"`);
  // The feed URL is a secret: keep it and the calendar out of shared caches.
  res.setHeader("Cache-Control", "private, no-store");
  res.send(text);
}

/**
 * Whether a presented token is the one whose hash is stored. Constant-time over the hashes, so
 * response times say nothing about how much of a guess matched.
 */
function matchesStoredHash(token: string, storedHash: string): boolean {
  const presented = Buffer.from(feedTokenHash(token));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * Replaces the feed's secret with a new one (answered: storage keeps only its hash, so this is
 * the one moment the URL can be shown), or with "" to turn the feed off.
 */
async function rotateToken(
  store: Store,
  tenantId: string,
  communityId: string,
  revoke: boolean,
): Promise<string> {
  return etagWrite({
    read: () => store.rituals.readFeedToken({ tenantId, communityId }),
    write: async (current) => {
      const token = revoke ? "" : randomBytes(24).toString("base64url");
      await store.rituals.saveFeedToken({
        tenantId,
        communityId,
        token,
        expectedEtag: current?.etag ?? null,
      });
      return token;
    },
    attempts: 3,
  });
}

/**
 * The calendar feed: champions turn on (or renew, or revoke) a per-community subscription URL
 * whose secret token is the only credential calendar apps can send; members download a single
 * occurrence as .ics with their usual bearer token. The URL is shown once, when it is made:
 * storage keeps only the token's hash, and request logs name the route, not the path.
 */
export function calendarFeedRouter(
  deps: Pick<ApiDeps, "store" | "now" | "authenticated" | "config">,
): Router {
  const { store, now, config } = deps;
  const { router, route } = areaRouter(deps);
  const occurrenceParams = { schema: occurrenceParamsSchema(now), what: "The occurrence" };
  const urlOf = (tenantId: string, communityId: string, token: string) =>
    `${config.PUBLIC_BASE_URL}/api/feeds/${tenantId}/${encodeURIComponent(communityId)}/${token}/calendar.ics`;
  const champions = {
    path: paths.calendarFeed,
    authorize: { kind: "ritual", action: "schedule" },
  } as const;

  route({ method: "get", ...champions }, async ({ res, viewer, communityId }) => {
    const { tenantId } = viewer.actor;
    const feed = await store.rituals.readFeedToken({ tenantId, communityId });
    const body: CalendarFeedResponse = { url: null, active: Boolean(feed?.tokenHash) };
    res.json(body);
  });

  route({ method: "post", ...champions }, async ({ res, viewer, communityId }) => {
    const { tenantId } = viewer.actor;
    const token = await rotateToken(store, tenantId, communityId, false);
    const body: CalendarFeedResponse = { url: urlOf(tenantId, communityId, token), active: true };
    res.json(body);
  });

  route({ method: "delete", ...champions }, async ({ res, viewer, communityId }) => {
    await rotateToken(store, viewer.actor.tenantId, communityId, true);
    res.status(204).end();
  });

  // Not through `route`: calendar apps send no bearer token, only the feed's secret, so there is
  // nobody signed in to judge.
  router.get(routePattern(paths.calendarFeedFile), async (req, res) => {
    const params = feedParamsSchema.safeParse(req.params);
    if (!params.success) throw communityNotFound();
    const tenantId = params.data.tenantId.toLowerCase();
    const communityId = communityIdParam(params.data.communityId);
    const feed = await store.rituals.readFeedToken({ tenantId, communityId });
    // A wrong, revoked or never-issued token looks exactly like a community that does not exist.
    if (!feed?.tokenHash || !matchesStoredHash(params.data.token, feed.tokenHash)) {
      throw communityNotFound();
    }
    const today = now().toISOString().slice(0, 10);
    const { rituals, occurrences } = await store.rituals.readCalendar({
      tenantId,
      communityId,
      fromDate: addDays(today, -feedPastDays),
      toDate: addDays(today, feedAheadDays),
    });
    const text = calendarFeed({
      calendarName: "Community rituals",
      series: seriesOf(rituals, occurrences),
      stamp: now(),
    });
    sendCalendar(res, text, `${communityId}.ics`);
  });

  route(
    {
      method: "get",
      path: paths.occurrenceIcs,
      params: occurrenceParams,
      authorize: { kind: "ritual", action: "read" },
    },
    async ({ res, viewer, communityId, params: { ritualId, date } }) => {
      const { ritual, occurrence } = await store.rituals.readRitualAndOccurrence({
        tenantId: viewer.actor.tenantId,
        communityId,
        ritualId,
        originalDate: date,
      });
      if (!ritual) throw ritualNotFound();
      if (!occursOn(ritual.fields.schedule, date)) throw occurrenceNotFound();
      const text = occurrenceIcs({
        ritualId,
        name: ritual.fields.name,
        description: ritual.fields.purpose,
        schedule: ritual.fields.schedule,
        exception: occurrence
          ? { originalDate: date, ...occurrence.change, sequence: occurrence.sequence }
          : null,
        originalDate: date,
        stamp: now(),
      });
      sendCalendar(res, text, `${ritualId}-${date}.ics`);
    },
  );

  return router;
}

import type { AddRetroEntryRequest, Retro, StartRetroRequest } from "@practice-hub/shared";
import {
  apiPaths,
  builtInRetroFormat,
  calendarDateOf,
  newestFirstKey,
  toIso,
} from "@practice-hub/shared";
import { randomBytes, randomUUID } from "node:crypto";
import type { Store } from "../../bot/src/store";
import type { ApiClient } from "./api";
import type { DemoPerson } from "./stack";

const dayMs = 86_400_000;

/** A service clock for retro tests: see `retroClock`. */
export interface RetroClock {
  /** The service's `now`: one second later on every reading. */
  now: () => Date;
  /** Moves the clock on by whole days (an action's due date passing, say). */
  advanceDays(days: number): void;
  /** The calendar date (YYYY-MM-DD) `days` after the clock's current reading. */
  dateIn(days: number): string;
}

/**
 * A clock that starts at a fixed instant and ticks one second per reading, so no retro test
 * depends on today's date, and each retro starts (and sorts) after the one before it.
 */
export function retroClock(start = "2026-11-20T10:00:00.000Z"): RetroClock {
  let ms = Date.parse(start);
  return {
    now: () => new Date((ms += 1_000)),
    advanceDays(days) {
      ms += days * dayMs;
    },
    dateIn(days) {
      return calendarDateOf(new Date(ms + days * dayMs));
    },
  };
}

/** Starts a retro through the API (as the champion unless told) and returns it. */
export async function retroFactory(
  api: ApiClient,
  communityId: string,
  overrides: Partial<StartRetroRequest> = {},
  as: DemoPerson = "demo-champion",
): Promise<Retro> {
  const response = await api.post<Retro>(apiPaths.retros(communityId), {
    as,
    body: { format: "keepDropAdd", ...overrides },
  });
  if (response.status !== 201) throw new Error(`retro not started: ${response.status}`);
  return response.body;
}

/** An entry request with a fresh submission key. */
export function entryRequestFactory(
  overrides: Partial<AddRetroEntryRequest> = {},
): AddRetroEntryRequest {
  return {
    promptId: "keep",
    text: `We keep learning from each other ${randomUUID().slice(0, 8)}`,
    submissionKey: randomUUID(),
    ...overrides,
  };
}

/** Adds an entry and returns its id. */
export async function entryFactory(
  api: ApiClient,
  retro: Pick<Retro, "communityId" | "id">,
  overrides: Partial<AddRetroEntryRequest> = {},
  as: DemoPerson = "demo-member",
): Promise<string> {
  const response = await api.post<{ entryId: string }>(
    `${apiPaths.retro(retro.communityId, retro.id)}/entries`,
    { as, body: entryRequestFactory(overrides) },
  );
  if (response.status !== 201) throw new Error(`entry not added: ${response.status}`);
  return response.body.entryId;
}

/** Moves a retro on, one phase at a time, until it reaches `phase`. */
export async function moveRetroTo(
  api: ApiClient,
  retro: Pick<Retro, "communityId" | "id">,
  ...phases: Retro["phase"][]
): Promise<Retro> {
  let current: Retro | undefined;
  for (const to of phases) {
    const response = await api.post<Retro>(`${apiPaths.retro(retro.communityId, retro.id)}/phase`, {
      as: "demo-champion",
      body: { to },
    });
    if (response.status !== 200) throw new Error(`retro not moved to ${to}: ${response.status}`);
    current = response.body;
  }
  if (!current) throw new Error("no phase given");
  return current;
}

/**
 * Stores `count` anonymous entries straight into the retro's partition (as many as a limit test
 * needs, without one API call each); their ids look like the service's (32 hex digits).
 */
export async function storedEntriesFactory(
  store: Store,
  retro: Pick<Retro, "communityId" | "id">,
  count: number,
  tenantId: string,
): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomBytes(16).toString("hex"));
  // Azurite takes a few dozen writes at once comfortably; one at a time would be slow.
  for (let start = 0; start < ids.length; start += 50) {
    await Promise.all(
      ids.slice(start, start + 50).map((entryId, index) =>
        store.retros.addEntry({
          tenantId,
          communityId: retro.communityId,
          retroId: retro.id,
          entry: {
            entryId,
            promptId: "keep",
            text: `Stored entry ${start + index}`,
            score: null,
            author: null,
          },
        }),
      ),
    );
  }
  return ids;
}

/**
 * Stores `count` closed retro headers straight into a community, one minute apart and all before
 * `before`, so they list after any retro started later: a long history without an API call each.
 */
export async function storedRetroHeadersFactory(
  store: Store,
  communityId: string,
  count: number,
  { tenantId, before }: { tenantId: string; before: Date },
): Promise<void> {
  const format = builtInRetroFormat("pulse");
  for (let start = 0; start < count; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - start) }, (_, index) => {
        const startedAt = new Date(before.getTime() - (start + index + 1) * 60_000);
        return store.retros.create({
          tenantId,
          communityId,
          retro: {
            retroId: `${newestFirstKey(startedAt)}-${randomBytes(3).toString("hex")}`,
            title: `Stored retro ${start + index}`,
            format,
            phase: "closed",
            votesPerPerson: 3,
            startedAt: toIso(startedAt),
            startedBy: { id: "demo-champion", displayName: "Demo Champion" },
            closedAt: toIso(startedAt),
            themes: [],
            conversationId: null,
            summary: null,
          },
        });
      }),
    );
  }
}

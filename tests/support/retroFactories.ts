import type { AddRetroEntryRequest, Retro, StartRetroRequest } from "@practice-hub/shared";
import { apiPaths } from "@practice-hub/shared";
import { randomUUID } from "node:crypto";
import type { ApiClient } from "./api";
import type { DemoPerson } from "./stack";

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

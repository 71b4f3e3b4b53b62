import type { Actor } from "../auth/actor";
import type { Viewer } from "./";
import type { Store } from "../store";

/** Reads the caller's roles in their tenant: one partition query. */
export async function viewerLoader(props: { store: Store; actor: Actor }): Promise<Viewer> {
  const roles = await props.store.memberships.rolesOf({
    tenantId: props.actor.tenantId,
    userId: props.actor.userId,
  });
  return { actor: props.actor, roles };
}

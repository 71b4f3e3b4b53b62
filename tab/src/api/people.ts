import {
  apiPaths,
  communityMemberSchema,
  peopleChangesResponseSchema,
  peopleResponseSchema,
  type AddMemberRequest,
  type CommunityMember,
  type CommunityRole,
  type PeopleChangesResponse,
  type PeopleResponse,
} from "@practice-hub/shared";
import { pageQuery } from "./paging";
import { apiRequest } from "./request";

/** The People page's calls; the shared ApiClient exposes them as `api.people`. */
export interface PeopleApi {
  /**
   * A page of members in name order: the first without `cursor`, else the page after it (`limit`
   * long); only those whose name starts with `search` when given. Without joins and leaves
   * (`recentChanges` empty): `firstPage` adds them.
   */
  people(
    communityId: string,
    cursor?: string | null,
    limit?: number,
    search?: string,
  ): Promise<PeopleResponse>;
  /**
   * The first page of everyone and the newest joins and leaves, asked side by side (each its
   * own request, so neither waits for the other's storage reads).
   */
  firstPage(communityId: string): Promise<PeopleResponse>;
  /** The newest joins and leaves. */
  changes(communityId: string): Promise<PeopleChangesResponse>;
  add(communityId: string, request: AddMemberRequest): Promise<CommunityMember>;
  /** Changes roles if `member.etag` is still current. */
  setRoles(props: {
    communityId: string;
    member: CommunityMember;
    roles: CommunityRole[];
  }): Promise<CommunityMember>;
}

/** Builds the People calls over the client's token source. */
export function createPeopleApi(getToken: () => Promise<string>): PeopleApi {
  // The joins and leaves come from their own route (`changes`): the page leaves them out.
  const people: PeopleApi["people"] = async (communityId, cursor, limit, search) =>
    apiRequest({
      method: "GET",
      path: `${apiPaths.people(communityId)}${pageQuery(cursor, limit, {
        changes: "omit",
        ...(search ? { search } : {}),
      })}`,
      schema: peopleResponseSchema,
      token: await getToken(),
    });
  const changes: PeopleApi["changes"] = async (communityId) =>
    apiRequest({
      method: "GET",
      path: apiPaths.peopleChanges(communityId),
      schema: peopleChangesResponseSchema,
      token: await getToken(),
    });
  return {
    people,
    changes,
    firstPage: async (communityId) => {
      const [page, recent] = await Promise.all([people(communityId), changes(communityId)]);
      return { ...page, recentChanges: recent.recentChanges };
    },
    add: async (communityId, request) =>
      apiRequest({
        method: "POST",
        path: apiPaths.people(communityId),
        schema: communityMemberSchema,
        body: request,
        token: await getToken(),
      }),
    setRoles: async ({ communityId, member, roles }) =>
      apiRequest({
        method: "PUT",
        path: apiPaths.personRoles(communityId, member.person.id),
        schema: communityMemberSchema,
        body: { roles },
        headers: { "If-Match": member.etag },
        token: await getToken(),
      }),
  };
}

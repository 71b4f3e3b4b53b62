import {
  apiPaths,
  communityMemberSchema,
  peopleResponseSchema,
  type AddMemberRequest,
  type CommunityMember,
  type CommunityRole,
  type PeopleResponse,
} from "@practice-hub/shared";
import { pageQuery } from "./paging";
import { apiRequest } from "./request";

/** The People page's calls; the shared ApiClient exposes them as `api.people`. */
export interface PeopleApi {
  /**
   * A page of members in name order: the first without `cursor`, else the page after it (`limit`
   * long); only those whose name starts with `search` when given.
   */
  people(
    communityId: string,
    cursor?: string | null,
    limit?: number,
    search?: string,
  ): Promise<PeopleResponse>;
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
  return {
    people: async (communityId, cursor, limit, search) =>
      apiRequest({
        method: "GET",
        path: `${apiPaths.people(communityId)}${pageQuery(cursor, limit, search ? { search } : {})}`,
        schema: peopleResponseSchema,
        token: await getToken(),
      }),
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

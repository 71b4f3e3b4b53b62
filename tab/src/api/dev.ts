import {
  apiPaths,
  devPeopleResponseSchema,
  devTokenResponseSchema,
  type DemoPerson,
  type DevPeopleResponse,
} from "@practice-hub/shared";
import { apiRequest } from "./request";

/**
 * The local stack's demo sign-in: who can be picked, and a token for them. A chunk of its own,
 * loaded only when the service says it runs in local mode (SignIn.tsx), so a deployed tab never
 * carries it in its first route.
 */
export const devApi = {
  devPeople: (): Promise<DevPeopleResponse> =>
    apiRequest({ method: "GET", path: apiPaths.devPeople, schema: devPeopleResponseSchema }),
  devToken: async (user: DemoPerson): Promise<string> => {
    const answer = await apiRequest({
      method: "POST",
      path: apiPaths.devToken,
      schema: devTokenResponseSchema,
      body: { user },
    });
    return answer.token;
  },
};

/** The demo sign-in's calls. */
export type DevApi = typeof devApi;

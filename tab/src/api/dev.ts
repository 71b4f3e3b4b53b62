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
    once("people", () =>
      apiRequest({ method: "GET", path: apiPaths.devPeople, schema: devPeopleResponseSchema }),
    ),
  /** One token per person for the page's life: the local service signs it for the session. */
  devToken: (user: DemoPerson): Promise<string> =>
    once(`token ${user}`, async () => {
      const answer = await apiRequest({
        method: "POST",
        path: apiPaths.devToken,
        schema: devTokenResponseSchema,
        body: { user },
      });
      return answer.token;
    }),
};

const answers = new Map<string, Promise<unknown>>();

/**
 * Asks once per page, whoever asks first (api/firstScreen.ts, then SignIn.tsx): the demo people
 * and their tokens do not change while the page is open. A failure is asked again next time.
 */
function once<T>(key: string, ask: () => Promise<T>): Promise<T> {
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = ask().catch((error: unknown) => {
      answers.delete(key);
      throw error;
    });
    answers.set(key, answer);
  }
  return answer;
}

/** The demo sign-in's calls. */
export type DevApi = typeof devApi;

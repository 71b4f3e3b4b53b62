import { ApiRequestError, contractError, networkError, toApiError } from "./errors";

/** What the client needs of a zod schema: a parse that never throws. */
export interface ResponseParser<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/** One call to the API. */
export interface ApiRequest<T> {
  method: "GET" | "POST" | "PUT";
  path: string;
  /** Parses the success body; the client never hands out unchecked data. */
  schema: ResponseParser<T>;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

/** Answers of GETs sent before a screen asked for them, by path and token (see `prefetch`). */
const early = new Map<string, { answer: Promise<unknown>; sentAt: number }>();
/**
 * An early answer not taken by then is dropped: it was for the first screen, and a screen shown
 * later (another community chosen first, say) must not get data that old.
 */
const earlyForMs = 10_000;
const earlyKey = (request: ApiRequest<unknown>) => `${request.path} ${request.token ?? ""}`;

/**
 * Sends a GET before any screen asks for it (api/firstScreen.ts, while React is still rendering
 * the frame): the first `apiRequest` of the same path with the same token takes its answer, once,
 * parsed by the same schema, instead of asking again.
 */
export function prefetch<T>(request: ApiRequest<T>): Promise<T> {
  const answer = send(request);
  early.set(earlyKey(request), { answer, sentAt: Date.now() });
  // A failure is the screen's to show when it takes the answer; it is not unhandled meanwhile.
  answer.catch(() => undefined);
  return answer;
}

/** Sends a request and parses the answer; throws ApiRequestError with the one error shape. */
export async function apiRequest<T>(request: ApiRequest<T>): Promise<T> {
  if (request.method === "GET") {
    const key = earlyKey(request);
    const taken = early.get(key);
    early.delete(key);
    if (taken && Date.now() - taken.sentAt < earlyForMs) {
      // Sent for this path, and parsed with its schema, by `prefetch`.
      return taken.answer as Promise<T>;
    }
  }
  return send(request);
}

async function send<T>(request: ApiRequest<T>): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
  if (request.body !== undefined) headers["Content-Type"] = "application/json";
  if (request.token) headers.Authorization = `Bearer ${request.token}`;
  let response: Response;
  try {
    response = await fetch(request.path, {
      method: request.method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
    });
  } catch {
    throw new ApiRequestError(networkError());
  }
  const requestId = response.headers.get("x-request-id");
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiRequestError(toApiError(response.status, body, requestId));
  const parsed = request.schema.safeParse(body);
  if (!parsed.success) throw new ApiRequestError(contractError(response.status, requestId));
  return parsed.data;
}

/** A call whose answer is not JSON (a file) or empty; errors still come in the one shape. */
export async function rawApiRequest(
  method: "GET" | "DELETE",
  path: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { ...headers, Authorization: `Bearer ${token}` },
    });
  } catch {
    throw new ApiRequestError(networkError());
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw new ApiRequestError(
      toApiError(response.status, body, response.headers.get("x-request-id")),
    );
  }
  return response;
}

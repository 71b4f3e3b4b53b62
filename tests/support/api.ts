import type { DemoPerson, Stack } from "./stack";

/** A response as tests look at it. */
export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Options of one request. */
export interface ApiRequest {
  /** Sends a bearer token for this demo person. */
  as?: DemoPerson;
  /** Sends this exact token (wins over `as`). */
  token?: string;
  /** JSON-encoded unless it is a string, which is sent as is with a JSON content type. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** A small fetch wrapper bound to a stack: JSON in, JSON (or text) out. */
export function apiClient(stack: Stack) {
  const tokens = new Map<DemoPerson, Promise<string>>();
  const tokenFor = (person: DemoPerson) => {
    let token = tokens.get(person);
    if (!token) {
      token = stack.token(person);
      tokens.set(person, token);
    }
    return token;
  };

  async function request<T = unknown>(
    method: string,
    path: string,
    options: ApiRequest = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
    if (token) headers["authorization"] = `Bearer ${token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers["content-type"] ??= "application/json";
      body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${stack.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json") ?? false;
    return {
      status: response.status,
      headers: response.headers,
      body: (isJson && text !== "" ? JSON.parse(text) : text) as T,
    };
  }

  return {
    request,
    get: <T = unknown>(path: string, options?: ApiRequest) => request<T>("GET", path, options),
    post: <T = unknown>(path: string, options?: ApiRequest) => request<T>("POST", path, options),
    put: <T = unknown>(path: string, options?: ApiRequest) => request<T>("PUT", path, options),
    /** Forgets cached tokens (after a restart the service has a new signing secret). */
    forgetTokens: () => tokens.clear(),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

import { apiErrorSchema } from "@practice-hub/shared";
import http from "node:http";
import type { FuzzRequest } from "./requests";

/** What the service answered. */
export interface FuzzAnswer {
  status: number;
  /** The request id the service echoed, to find its log lines. */
  requestId: string;
  text: string;
}

/** How long one request may take before it counts as not answered. */
const answerTimeoutMs = 30_000;

/**
 * Sends a request with node:http rather than fetch: fetch would normalise the very paths the
 * fuzzer sends on purpose (it resolves "..", re-escapes what it dislikes). One connection per
 * request, so a connection the service closes after a refused body cannot fail the next one.
 */
export function sendRaw(baseUrl: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      {
        host: hostname,
        port,
        method: request.method,
        path: request.path,
        // Node frames a body with neither Content-Length nor chunking on GET and DELETE, so the
        // service would read the body as a second request: say its length.
        headers:
          request.body === undefined
            ? request.headers
            : { "content-length": String(request.body.length), ...request.headers },
        agent: false,
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("error", reject);
        incoming.on("end", () => {
          const id = incoming.headers["x-request-id"];
          resolve({
            status: incoming.statusCode ?? 0,
            requestId: typeof id === "string" ? id : "none",
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      },
    );
    outgoing.setTimeout(answerTimeoutMs, () => {
      outgoing.destroy(new Error(`no answer within ${answerTimeoutMs / 1_000} s`));
    });
    // The service may answer (413, say) and close before a large body is written: the answer
    // still arrives, and the write error that follows is not the service's fault.
    outgoing.on("error", (error) => reject(error));
    outgoing.end(request.body);
  });
}

const botEndpoint = "POST /api/messages";

/** True for an `Action.Execute` invoke answered with an error (Universal Actions' shape). */
function isBotInvokeError(body: unknown, status: number): boolean {
  const answer = body as { statusCode?: unknown; type?: unknown; value?: { message?: unknown } };
  return (
    answer !== null &&
    typeof answer === "object" &&
    answer.statusCode === status &&
    answer.type === "application/vnd.microsoft.error" &&
    typeof answer.value?.message === "string"
  );
}

/**
 * What is wrong with an answer, or null: never a 5xx, and every error in the one error shape
 * (`{ ok: false, error, status, message, requestId }`, its status the HTTP status).
 */
export function problemOf(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (answer.status >= 500) return `answered ${answer.status}`;
  if (answer.status < 400 || request.method === "HEAD") return null;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `answered ${answer.status} with a body that is not JSON`;
  }
  // The bot endpoint answers a card action the Bot Framework way, which Teams requires.
  if (request.route === botEndpoint && isBotInvokeError(body, answer.status)) return null;
  const shape = apiErrorSchema.safeParse(body);
  if (!shape.success) return `answered ${answer.status} outside the one error shape`;
  if (shape.data.status !== answer.status) {
    return `answered ${answer.status} with status ${shape.data.status} in its body`;
  }
  return null;
}

/** One line naming a request: method, path (shortened), and what is wrong with it. */
export function describeRequest(request: FuzzRequest): string {
  const path = request.path.length > 160 ? `${request.path.slice(0, 160)}...` : request.path;
  return `${request.method} ${path} [${request.labels.join("; ")}]`;
}

/** Counts of one fuzz run, printed at the end. */
export class FuzzFigures {
  requests = 0;
  badInputs = 0;
  /** Answers with a 5xx: route, input, status and request id. */
  readonly serverErrors: string[] = [];
  /** 4xx answers outside the one error shape. */
  readonly shapeErrors: string[] = [];
  /** Requests that got no answer at all. */
  readonly unanswered: string[] = [];
  private readonly statuses = new Map<number, number>();
  private readonly routes = new Map<string, number>();

  /** Counts one request and its answer (null: no answer). */
  record(request: FuzzRequest, answer: FuzzAnswer | null, problem: string | null): void {
    this.requests += 1;
    if (request.bad) this.badInputs += 1;
    this.routes.set(request.route, (this.routes.get(request.route) ?? 0) + 1);
    const line = `${request.route} <- ${describeRequest(request)}: ${problem ?? "fine"}`;
    if (!answer) {
      this.unanswered.push(line);
      return;
    }
    this.statuses.set(answer.status, (this.statuses.get(answer.status) ?? 0) + 1);
    if (answer.status >= 500) this.serverErrors.push(`${line} (request id ${answer.requestId})`);
    else if (problem) this.shapeErrors.push(line);
  }

  /** Requests sent to the route "METHOD /path". */
  requestsTo(route: string): number {
    return this.routes.get(route) ?? 0;
  }

  /** The figures as a few lines of text. */
  report(title: string): string {
    const statuses = [...this.statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(", ");
    const perRoute = [...this.routes.values()];
    return [
      title,
      `  requests: ${this.requests} to ${this.routes.size} routes (${Math.min(...perRoute)} to ${Math.max(...perRoute)} each)`,
      `  deliberately malformed: ${this.badInputs}`,
      `  5xx answers: ${this.serverErrors.length}`,
      `  4xx outside the one error shape: ${this.shapeErrors.length}`,
      `  no answer: ${this.unanswered.length}`,
      `  statuses: ${statuses}`,
    ].join("\n");
  }
}

import type { Activity, CloudAdapter, ConversationReference } from "botbuilder";
import type { Config } from "../config";
import { parseRetryAfter } from "../jobs/retryPolicy";
import type { ProactiveSender, SendOutcome } from "../jobs/types";
import type { Logger } from "../logger";
import { createAdapter } from "./adapter";

/** Answers that Teams documents as "try again later" (DESIGN.md). */
const retryableStatuses = new Set([412, 429, 502, 503, 504]);

/** A send that hangs this long is given up and retried (see the README on the duplicate window). */
const maxSendTimeoutMs = 30_000;

/** The connector client's pipeline, as far as we touch it. */
interface PipelineOwner {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
}

/** The parts of a connector error we read; several copies of core-rest-pipeline may be loaded. */
interface ConnectorError {
  statusCode?: number;
  code?: string;
  message?: string;
  response?: { headers?: { get?(name: string): string | undefined }; bodyAsText?: string | null };
}

/**
 * The connector client retries 429 and 5xx on its own by default; that would hide the answer from
 * the limiter and retry policy (and retry outside the idempotency record), so it is turned off.
 */
function withoutBuiltInRetries(connectorClient: unknown): void {
  const pipeline = (connectorClient as PipelineOwner | undefined)?.client?.pipeline;
  pipeline?.removePolicy({ name: "defaultRetryPolicy" });
  pipeline?.removePolicy({ name: "exponentialRetryPolicy" });
  pipeline?.removePolicy({ name: "throttlingRetryPolicy" });
  pipeline?.removePolicy({ name: "systemErrorRetryPolicy" });
}

/** Maps a failed send to an outcome (Teams' documented codes). */
export function outcomeOfError(error: unknown, now: Date): SendOutcome {
  const failure = (typeof error === "object" && error !== null ? error : {}) as ConnectorError;
  const status = failure.statusCode;
  const body = failure.response?.bodyAsText ?? "";
  const reason = `${status ?? failure.code ?? "no answer"}: ${(failure.message ?? String(error)).slice(0, 200)}`;
  if (status === undefined) return { kind: "retry", reason };
  if (
    status === 403 &&
    /MessageWritesBlocked/i.test(`${body} ${failure.code ?? ""} ${failure.message ?? ""}`)
  ) {
    return { kind: "unreachable", status, reason: "MessageWritesBlocked" };
  }
  if (retryableStatuses.has(status)) {
    const retryAfterMs = parseRetryAfter(failure.response?.headers?.get?.("retry-after"), now);
    return {
      kind: "retry",
      status,
      reason,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    };
  }
  return { kind: "failed", status, reason };
}

/** The message activity for a card: Teams shows `summary` in notifications and the feed. */
export function cardActivity(card: object, summary: string): Partial<Activity> {
  return {
    type: "message",
    summary,
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", content: card }],
  };
}

/** The connector client, as far as the sender uses it. */
interface Connector {
  conversations: {
    sendToConversation(id: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  };
}

/**
 * Sends cards to stored conversations through botbuilder, signed as the bot, and reads Bot
 * Connector's answer into a SendOutcome for the queue worker. The adapter builds one connector
 * client per serviceUrl (with the bot's credentials, which refresh their own tokens); it is kept,
 * because building one per message costs more than the send itself at Teams' rates.
 */
export function createProactiveSender(props: {
  config: Config;
  logger: Logger;
  now?: () => Date;
}): ProactiveSender {
  // Made on the first send: building it loads botbuilder, which the start does not need.
  let adapter: CloudAdapter | undefined;
  const adapterOf = () => (adapter ??= createAdapter(props.config, props.logger));
  // A send must be able to finish inside the worker's claim on the delivery (which lasts the
  // queue's visibility timeout), or the key could be taken back and sent twice meanwhile.
  const sendTimeoutMs = Math.min(
    maxSendTimeoutMs,
    (props.config.JOBS_VISIBILITY_SECONDS * 1_000) / 2,
  );
  const now = props.now ?? (() => new Date());
  const connectors = new Map<string, Promise<Connector>>();

  function connectorFor(reference: ConversationReference): Promise<Connector> {
    const serviceUrl = reference.serviceUrl;
    let connector = connectors.get(serviceUrl);
    if (!connector) {
      connector = new Promise<Connector>((resolve, reject) => {
        const turnAdapter = adapterOf();
        turnAdapter
          .continueConversationAsync(props.config.MicrosoftAppId, reference, async (context) => {
            const client = context.turnState.get(turnAdapter.ConnectorClientKey) as
              Connector | undefined;
            if (!client) throw new Error("the adapter gave the turn no connector client");
            withoutBuiltInRetries(client);
            resolve(client);
          })
          .catch(reject);
      });
      connectors.set(serviceUrl, connector);
      // A failed build is not kept: the next send tries again.
      connector.catch(() => connectors.delete(serviceUrl));
    }
    return connector;
  }

  return {
    timeoutMs: sendTimeoutMs,
    async send({ reference, card, summary }) {
      const conversationReference = JSON.parse(reference.reference) as ConversationReference;
      // The stored record's serviceUrl is the one Teams last gave us: it wins over the JSON's.
      conversationReference.serviceUrl = reference.serviceUrl;
      let timer: NodeJS.Timeout | undefined;
      try {
        // The first send loads botbuilder (most of a second): before the send's clock starts,
        // so the load is never taken for a connector that did not answer.
        adapterOf();
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error("the connector did not answer in time")),
            sendTimeoutMs,
          );
        });
        const connector = await connectorFor(conversationReference);
        const response = await Promise.race([
          connector.conversations.sendToConversation(
            reference.conversationId,
            cardActivity(card, summary),
          ),
          timeout,
        ]);
        return { kind: "sent", ...(response.id ? { activityId: response.id } : {}) };
      } catch (error) {
        return outcomeOfError(error, now());
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * When and how often a delivery is tried again (DESIGN.md: 429/412/502/503/504 are retried
 * honouring Retry-After, else with jittered backoff; 403 MessageWritesBlocked never).
 */

/**
 * Attempts after which a delivery Teams keeps refusing is marked failed. A 429 with Retry-After is
 * not counted: throttling can last longer than eight waits, and the message is still wanted.
 */
export const maxSendAttempts = 8;

/**
 * How long after its record was written a delivery may still be waiting on Teams' Retry-After (or
 * on receipts that end without an outcome) before it is marked failed: a day-old card is stale.
 */
export const deliveryBudgetMs = 24 * 60 * 60 * 1_000;

const baseDelayMs = 250;
const maxDelayMs = 60_000;

/**
 * The wait before attempt `attempt + 1`, after `attempt` retryable refusals (1 for the first).
 * Teams' Retry-After wins when given, plus a little jitter so waiters do not return together;
 * otherwise exponential backoff with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(props: {
  attempt: number;
  retryAfterMs?: number;
  random?: () => number;
}): number {
  const random = props.random ?? Math.random;
  if (props.retryAfterMs !== undefined) {
    return Math.ceil(props.retryAfterMs + random() * Math.min(250, props.retryAfterMs * 0.1 + 50));
  }
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, props.attempt - 1));
  return Math.ceil(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * Reads a Retry-After header: delay-seconds or an HTTP date. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1_000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now.getTime());
}

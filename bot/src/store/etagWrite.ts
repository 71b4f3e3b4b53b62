import { ConcurrencyError } from "./storageErrors";

/**
 * The one shape of an update of shared state: read, compare the caller's ETag (If-Match), write
 * conditionally on the ETag read, and when the write loses a race (a ConcurrencyError from the
 * repository) read again and retry, or answer. Commands pass what differs: how to read, what
 * makes a stale version, what to write, how many tries, and what the last lost race answers
 * (their 412 with the current version, or a 409).
 */
export async function etagWrite<Current, Result>(props: {
  /** Reads the current state; throws the command's own 404 when there is nothing to update. */
  read: () => Promise<Current>;
  /**
   * The version the caller edited. When `of(current)` differs, `stale(current)` is thrown
   * before anything is written (the API's 412 carrying the current version).
   */
  ifMatch?: { etag: string; of: (current: Current) => string; stale: (current: Current) => Error };
  /** Decides and writes, conditional on what `read` answered; may answer without writing. */
  write: (current: Current) => Promise<Result>;
  /** Writes tried in all, each after a fresh read (1 when absent: no retry). */
  attempts?: number;
  /**
   * What the last lost race answers, given the state that write was based on: usually throws
   * the command's 412 or 409. When absent, the ConcurrencyError itself is thrown.
   */
  lost?: (current: Current) => Result | Promise<Result>;
}): Promise<Result> {
  const attempts = props.attempts ?? 1;
  for (let attempt = 1; ; attempt += 1) {
    const current = await props.read();
    if (props.ifMatch && props.ifMatch.etag !== props.ifMatch.of(current)) {
      throw props.ifMatch.stale(current);
    }
    try {
      return await props.write(current);
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      if (attempt < attempts) continue;
      if (props.lost) return await props.lost(current);
      throw error;
    }
  }
}

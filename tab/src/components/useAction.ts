import { useCallback, useRef, useState } from "react";
import type { ApiError } from "@practice-hub/shared";
import { apiErrorOf } from "../api/errors";
import { useAnnounce } from "./Announcer";

/** Where a form shows a refused request: beside its fields (see useFormErrors). */
export interface ActionErrorSink {
  clear(): void;
  fail(caught: unknown): void;
}

/** What a button's action needs: whether it runs, what went wrong, and a way to run it. */
export interface Action {
  /** True while a run is under way: disable the buttons that would start another. */
  busy: boolean;
  /** The last run's error, unless the action hands errors to a form. */
  error: ApiError | null;
  /**
   * Runs `work`, announces `done` (a sentence, or one made from the result) once it succeeded,
   * and resolves to whether it did; a failure is kept in `error` (or handed to the form).
   */
  run<T>(work: () => Promise<T>, done?: string | ((result: T) => string)): Promise<boolean>;
  /** Shows the failure of work done outside `run` (a download) the same way. */
  fail(caught: unknown): void;
  clearError(): void;
}

/**
 * The busy, error and announce states of an action (saving, voting, sending): the one
 * implementation of what every button that calls the API did by hand. With `errors`, refusals
 * go to a form's fields instead of `error`.
 */
export function useAction(errors?: ActionErrorSink): Action {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The form's sink changes every render; the latest one is the one to use.
  const sink = useRef(errors);
  sink.current = errors;

  const fail = useCallback((caught: unknown) => {
    if (sink.current) sink.current.fail(caught);
    else setError(apiErrorOf(caught));
  }, []);
  const run = useCallback(
    async <T>(work: () => Promise<T>, done?: string | ((result: T) => string)) => {
      setBusy(true);
      setError(null);
      sink.current?.clear();
      try {
        const result = await work();
        if (done !== undefined) announce(typeof done === "string" ? done : done(result));
        return true;
      } catch (caught) {
        fail(caught);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [announce, fail],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, fail, clearError };
}

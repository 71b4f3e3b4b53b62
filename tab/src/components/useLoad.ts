import { useCallback, useEffect, useState } from "react";
import type { ApiError } from "@practice-hub/shared";
import { apiErrorOf } from "../api/errors";

/** The three states every loaded screen has. */
export type Loaded<T> =
  { status: "loading" } | { status: "failed"; error: ApiError } | { status: "ready"; data: T };

/**
 * Runs `load` (memoise it with useCallback) and tracks its state; `reload` runs it again and
 * `update` changes the loaded data in place after a successful write. Answers that arrive after
 * `load` changed are ignored, so a quick community switch never shows the wrong canvas.
 */
export function useLoad<T>(load: () => Promise<T>): {
  state: Loaded<T>;
  reload(): void;
  update(change: (data: T) => T): void;
} {
  const [state, setState] = useState<Loaded<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ status: "loading" });
    load().then(
      (data) => current && setState({ status: "ready", data }),
      (error: unknown) => current && setState({ status: "failed", error: apiErrorOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) =>
        previous.status === "ready" ? { status: "ready", data: change(previous.data) } : previous,
      ),
    [],
  );
  return { state, reload, update };
}

import type { ReactNode } from "react";
import { ErrorState } from "./ErrorState";
import { Loading } from "./Loading";
import type { Loaded } from "./useLoad";

/** What useLoad gives: its state, and a way to load again (offered as "Try again" if given). */
export interface Loadable<T> {
  state: Loaded<T>;
  reload?(): void;
}

/**
 * The loading, failed and empty states of something loaded with useLoad, said the same way on
 * every page; `children` draws the data once it is there (and not empty).
 */
export function LoadState<T>(props: {
  of: Loadable<T>;
  /**
   * What the spinner says ("Loading the retro"). Without it nothing shows while loading: a
   * section that reloads in place keeps what is open beside it (the ritual list's form).
   */
  loading?: string;
  /** The title of the error ("The retro did not load"). */
  failed: string;
  /** When the data counts as empty, `show` (a sentence saying so) replaces `children`. */
  empty?: { when(data: T): boolean; show: ReactNode };
  /** Draws the data; without it the data is drawn elsewhere and only the other states show. */
  children?(data: T): ReactNode;
}) {
  const { state, reload } = props.of;
  if (state.status === "loading") return props.loading ? <Loading label={props.loading} /> : null;
  if (state.status === "failed") {
    return <ErrorState title={props.failed} error={state.error} onRetry={reload} />;
  }
  if (props.empty?.when(state.data)) return <>{props.empty.show}</>;
  return <>{props.children?.(state.data)}</>;
}

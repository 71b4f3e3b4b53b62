/**
 * Named points in a delivery where tests simulate the process dying. Production passes none.
 * A hook that throws abandons the delivery there, exactly as a crash would: nothing after that
 * point is written, and the queue message comes back after its visibility timeout.
 */
export type FaultPoint =
  /** The worker claimed the key and is about to call Teams. */
  | "beforeSend"
  /** Teams accepted the message; the record does not say so yet (the one open window). */
  | "afterSend"
  /** The record says sent; the queue message is not removed yet. */
  | "afterRecord";

/** Called at each fault point; throw to simulate a crash there. */
export type FaultHook = (point: FaultPoint, key: string) => void;

/** Thrown by test hooks; the worker logs it as a simulated crash. */
export class SimulatedCrash extends Error {
  override readonly name = "SimulatedCrash";
}

/**
 * Resolves after `ms` milliseconds, or as soon as `signal` aborts: a stop then clears the timer
 * instead of waiting it out.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const wake = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener("abort", wake);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener("abort", wake, { once: true });
  });
}

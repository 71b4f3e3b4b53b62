/** The parts of `window` that tell whether a Teams host could be listening. */
export interface FrameSignals {
  /** True when the page runs inside an iframe (Teams web and desktop host tabs in one). */
  framed: boolean;
  /** True when a window opened this one (Teams opens auth and pop-out windows). */
  opened: boolean;
  /** True when a native bridge is present (Teams mobile injects `nativeInterface`). */
  nativeBridge: boolean;
}

/** Reads the frame signals from a window. */
export function frameSignals(win: Window): FrameSignals {
  let framed: boolean;
  try {
    framed = win.self !== win.top;
  } catch {
    // A cross-origin parent throws on access: that is itself proof of being framed.
    framed = true;
  }
  return {
    framed,
    opened: win.opener !== null && win.opener !== undefined,
    nativeBridge: "nativeInterface" in win,
  };
}

/**
 * Whether to try teams-js at all. Outside any host, `app.initialize()` never answers, so a plain
 * browser tab skips it and opens at once instead of waiting for the timeout.
 */
export function mightBeInTeams(signals: FrameSignals): boolean {
  return signals.framed || signals.opened || signals.nativeBridge;
}

/** Resolves with the promise's value, or with `onTimeout()` when it takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

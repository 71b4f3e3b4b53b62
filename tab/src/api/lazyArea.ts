/** An API area whose every call answers with a promise (api/rituals.ts, api/retros.ts...). */
type AsyncArea<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R>
    ? (...args: A) => Promise<R>
    : never;
};

/**
 * An area of the API loaded on its first call. Each area module brings the shared schemas of
 * its answers (and with them recurrence rules, retro formats...): loaded up front they made the
 * first route a third larger, though the canvas needs none of them. Calls look the same to the
 * pages; the first one waits for the module, which a page's own chunk usually brought already.
 */
export function lazyArea<T extends AsyncArea<T>>(load: () => Promise<T>): T {
  let area: Promise<T> | null = null;
  return new Proxy({} as T, {
    get(_target, name) {
      // Not a thenable: awaiting the area itself must not call `then` as a method of the API.
      if (typeof name !== "string" || name === "then") return undefined;
      return (...args: unknown[]) =>
        (area ??= load()).then((api) =>
          (api[name as keyof T] as (...callArgs: unknown[]) => Promise<unknown>)(...args),
        );
    },
  });
}

import type * as Botbuilder from "botbuilder";

let loaded: typeof Botbuilder | undefined;

/**
 * botbuilder, required on first use. Requiring it takes most of a second, more than everything
 * else the service loads, and the service must answer its first API request (and health checks
 * after a restart) without it: only a bot turn or a proactive send needs it. The modules of this
 * folder reach botbuilder's values through here, and import its types as usual.
 */
export function botbuilder(): typeof Botbuilder {
  // A synchronous require, not import(): the callers build adapters and replies synchronously.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require("botbuilder") as typeof Botbuilder;
  return loaded;
}

import type { LaunchOptions } from "../launch";
import { frameSignals, mightBeInTeams } from "../host/detection";
import { readAddress } from "../routing/routes";
import { createApiClient, publicApi } from "./client";
import { prefetch } from "./request";

/**
 * Starts the first screen's calls as soon as the tab's code runs (main.tsx), one after another
 * as each needs the last, while React renders the frame: the service's mode, the demo person's
 * token, their communities and roles, and the canvas they land on. The screens then take these
 * answers (`prefetch`, and the once-per-page calls of client.ts and dev.ts) instead of sending
 * each call only after the render before it. Only a demo sign-in in a browser knows all of them
 * up front (`?as=`); in Teams the SSO handshake comes first, and the screens ask as usual.
 */
export function prefetchFirstScreen(launch: LaunchOptions): void {
  const person = launch.demoPerson;
  if (launch.route === "config" || !person || mightBeInTeams(frameSignals(window))) return;
  void (async () => {
    // The demo sign-in's chunk loads beside the mode's answer: `?as=` asks for a local stack, and
    // the chunk's calls are made only once the service says it is one.
    const [config, { devApi }] = await Promise.all([publicApi.publicConfig(), import("./dev")]);
    if (config.authMode !== "local") return;
    void devApi.devPeople();
    const client = createApiClient(() => devApi.devToken(person), prefetch);
    void client.me().catch(() => undefined);
    const { communities } = await client.communities();
    const landing = readAddress(window.location.hash.replace(/^#/, ""), "canvas");
    const community =
      communities.find((candidate) => candidate.id === launch.communityId) ?? communities[0];
    if (
      launch.route === "app" &&
      landing.kind === "area" &&
      landing.area === "canvas" &&
      community
    ) {
      void client.canvas(community.id).catch(() => undefined);
    }
  })().catch(() => undefined); // Each screen asks again and shows what went wrong.
}

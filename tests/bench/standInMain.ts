/**
 * Runs the connector stand-in in its own process for the benchmark, as Teams runs apart from the
 * bot: its clock and event loop then do not share the sender's. Options come as JSON in
 * STAND_IN_OPTIONS ({ appRatePerSecond, failureRate, seed }); it prints its serviceUrl as one
 * JSON line on stdout and runs until it gets SIGTERM.
 */
import { startConnectorStandIn } from "../support/connectorStandIn";
import { seededRandom } from "./seededRandom";

interface MainOptions {
  appRatePerSecond?: number;
  failureRate?: number;
  seed?: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.STAND_IN_OPTIONS ?? "{}") as MainOptions;
  const standIn = await startConnectorStandIn({
    ...(options.appRatePerSecond ? { appRatePerSecond: options.appRatePerSecond } : {}),
    ...(options.failureRate ? { failureRate: options.failureRate } : {}),
    random: seededRandom(options.seed ?? 1),
    statsRoute: true,
  });
  process.stdout.write(`${JSON.stringify({ serviceUrl: standIn.serviceUrl })}\n`);
  process.once("SIGTERM", () => {
    void standIn.stop().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`stand-in failed: ${String(error)}\n`);
  process.exit(1);
});

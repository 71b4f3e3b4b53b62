/** One part of the local stack to stop; `stop` may be absent when the part never started. */
export interface StopStep {
  name: string;
  stop: () => Promise<void> | undefined;
}

/**
 * Stops the parts one after another, each even when an earlier one failed, and returns one line
 * per failure (empty when all went well), so a clean stop prints nothing.
 */
export async function stopInOrder(steps: readonly StopStep[]): Promise<string[]> {
  const failures: string[] = [];
  for (const step of steps) {
    try {
      await step.stop();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      failures.push(`Could not stop ${step.name}: ${reason}`);
    }
  }
  return failures;
}

/**
 * Maps `items` through `work` with at most `limit` calls running at once, and resolves with the
 * results in the order of `items` (a small p-limit). Due work uses it so that one tick overlaps
 * the storage waits of many communities without sending all of their reads to storage at once.
 * The first failure rejects the whole map, as `Promise.all` would; calls already started finish.
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError("limit must be a whole number of at least 1");
  const results = new Array<R>(items.length);
  let next = 0;
  // Each runner takes the next item when its last one is done, so `limit` calls are in flight.
  async function runner(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, runner));
  return results;
}

import { mapWithLimit } from "./mapWithLimit";

/** A promise with its resolve function, so a test decides when each call ends. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("mapWithLimit", () => {
  it("never runs more calls at once than the limit, and starts the next as one ends", async () => {
    const gates = Array.from({ length: 7 }, deferred);
    const started: number[] = [];
    let running = 0;
    let mostRunning = 0;
    const mapped = mapWithLimit([0, 1, 2, 3, 4, 5, 6], 3, async (item) => {
      started.push(item);
      running += 1;
      mostRunning = Math.max(mostRunning, running);
      await gates[item]?.promise;
      running -= 1;
      return item * 10;
    });
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3]);
    for (const gate of gates) gate.resolve();
    await expect(mapped).resolves.toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(mostRunning).toBe(3);
  });

  it("keeps the order of the items whatever order the calls end in", async () => {
    const result = await mapWithLimit([30, 10, 20], 2, async (ms) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (ms === 30) await new Promise((resolve) => setImmediate(resolve));
      return `item ${ms}`;
    });
    expect(result).toEqual(["item 30", "item 10", "item 20"]);
  });

  it("rejects with the first failure", async () => {
    await expect(
      mapWithLimit([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error("storage said no");
        return item;
      }),
    ).rejects.toThrow("storage said no");
  });

  it("answers an empty list without calling the work, and refuses a limit below one", async () => {
    const work = jest.fn(async (item: number) => item);
    await expect(mapWithLimit([], 4, work)).resolves.toEqual([]);
    expect(work).not.toHaveBeenCalled();
    await expect(mapWithLimit([1], 0, work)).rejects.toThrow(RangeError);
  });
});

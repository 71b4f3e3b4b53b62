import { etagWrite } from "./etagWrite";
import { ConcurrencyError } from "./storageErrors";

/** A stored value whose version moves on each time it is read, like a row others keep writing. */
function versionsFactory() {
  let version = 0;
  return {
    read: () => Promise.resolve({ etag: `v${(version += 1)}` }),
    get reads() {
      return version;
    },
  };
}

describe("etagWrite", () => {
  it("answers the caller's stale version without writing when If-Match differs", async () => {
    const versions = versionsFactory();
    const write = jest.fn();
    await expect(
      etagWrite({
        read: versions.read,
        ifMatch: { etag: "v0", of: (c) => c.etag, stale: (c) => new Error(`now ${c.etag}`) },
        write,
      }),
    ).rejects.toThrow("now v1");
    expect(write).not.toHaveBeenCalled();
  });

  it("reads again and writes again after a lost race, up to its attempts", async () => {
    const versions = versionsFactory();
    const result = await etagWrite({
      read: versions.read,
      write: (current) =>
        current.etag === "v3"
          ? Promise.resolve("saved on v3")
          : Promise.reject(new ConcurrencyError("lost")),
      attempts: 3,
    });
    expect(result).toBe("saved on v3");
    expect(versions.reads).toBe(3);
  });

  it("hands the last lost race to `lost` with the state that write was based on", async () => {
    const versions = versionsFactory();
    await expect(
      etagWrite({
        read: versions.read,
        write: () => Promise.reject(new ConcurrencyError("lost")),
        attempts: 2,
        lost: (current) => {
          throw new Error(`gave up on ${current.etag}`);
        },
      }),
    ).rejects.toThrow("gave up on v2");
    expect(versions.reads).toBe(2);
  });

  it("throws the ConcurrencyError itself when nobody says what a lost race answers", async () => {
    await expect(
      etagWrite({
        read: versionsFactory().read,
        write: () => Promise.reject(new ConcurrencyError("lost")),
      }),
    ).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it("never retries an error that is not a lost race", async () => {
    const versions = versionsFactory();
    await expect(
      etagWrite({
        read: versions.read,
        write: () => Promise.reject(new Error("storage is down")),
        attempts: 5,
      }),
    ).rejects.toThrow("storage is down");
    expect(versions.reads).toBe(1);
  });
});

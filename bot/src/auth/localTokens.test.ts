import { demoIdentities } from "../local/demoIdentities";
import { createLocalTokens } from "./localTokens";

function demoPerson(id: string) {
  const person = demoIdentities.find((candidate) => candidate.id === id);
  if (!person) throw new Error(`no demo person ${id}`);
  return person;
}

describe("local demo tokens", () => {
  it("verifies a token it issued as the demo person in their tenant", async () => {
    const tokens = createLocalTokens();
    const outsider = demoPerson("demo-outsider");

    const actor = await tokens.verify(await tokens.issue(outsider));

    expect(actor).toEqual({
      tenantId: outsider.tenantId,
      userId: "demo-outsider",
      displayName: outsider.displayName,
    });
  });

  it("rejects a token issued by another instance, whose secret differs", async () => {
    const token = await createLocalTokens().issue(demoPerson("demo-champion"));

    expect(await createLocalTokens().verify(token)).toBeNull();
  });

  it("rejects a token whose claims were changed after signing", async () => {
    const tokens = createLocalTokens();
    const [header, , signature] = (await tokens.issue(demoPerson("demo-member"))).split(".");
    const payload = Buffer.from(
      JSON.stringify({ sub: "demo-champion", tid: demoPerson("demo-champion").tenantId }),
    ).toString("base64url");

    expect(await tokens.verify(`${header}.${payload}.${signature}`)).toBeNull();
  });

  it("accepts a token up to two minutes past its expiry, for clocks that disagree, and no longer", async () => {
    const twelveHoursMs = 12 * 3_600_000;
    let now = new Date("2026-06-01T08:00:00Z");
    const tokens = createLocalTokens({ now: () => now });
    const token = await tokens.issue(demoPerson("demo-member"));

    now = new Date(now.getTime() + twelveHoursMs + 110_000);
    const justExpired = await tokens.verify(token);
    now = new Date(now.getTime() + 20_000);
    const longExpired = await tokens.verify(token);

    expect(justExpired?.userId).toBe("demo-member");
    expect(longExpired).toBeNull();
  });

  it("rejects text that is not a token", async () => {
    expect(await createLocalTokens().verify("hello")).toBeNull();
  });
});

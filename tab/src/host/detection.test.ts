import { mightBeInTeams, withTimeout } from "./detection";

describe("mightBeInTeams", () => {
  it("skips teams-js in a top-level browser tab", () => {
    expect(mightBeInTeams({ framed: false, opened: false, nativeBridge: false })).toBe(false);
  });

  it("tries teams-js in an iframe, a pop-out window or a mobile webview", () => {
    expect(mightBeInTeams({ framed: true, opened: false, nativeBridge: false })).toBe(true);
    expect(mightBeInTeams({ framed: false, opened: true, nativeBridge: false })).toBe(true);
    expect(mightBeInTeams({ framed: false, opened: false, nativeBridge: true })).toBe(true);
  });
});

describe("withTimeout", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("falls back when the host never answers", async () => {
    const never = new Promise<boolean>(() => undefined);
    const result = withTimeout(never, 3_000, () => false);
    jest.advanceTimersByTime(3_000);
    await expect(result).resolves.toBe(false);
  });

  it("answers with the host's value when it answers in time", async () => {
    await expect(withTimeout(Promise.resolve(true), 3_000, () => false)).resolves.toBe(true);
  });
});

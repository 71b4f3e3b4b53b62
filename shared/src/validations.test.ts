import { z } from "zod";
import { datesInWindow, outsideDateWindowMessage } from "./validations";

describe("datesInWindow", () => {
  let now = new Date("2026-03-09T12:00:00Z");
  const schema = z.object({ from: z.string(), until: z.string().nullable() }).superRefine(
    datesInWindow(
      () => now,
      ({ from, until }) => [
        { path: ["from"], value: from },
        { path: ["until"], value: until },
      ],
    ),
  );

  it("names each date outside the window with the window in the message", () => {
    const result = schema.safeParse({ from: "9999-09-01T00:00:00Z", until: "2020-01-01" });
    const message = outsideDateWindowMessage({ earliest: "2021-03-09", latest: "2031-03-09" });
    expect(message).toBe(
      "Use a date from 2021-03-09 to 2031-03-09: dates more than 5 years before or after today are not accepted.",
    );
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["from", message],
      ["until", message],
    ]);
  });

  it("lets a date the request leaves out pass", () => {
    expect(schema.safeParse({ from: "2026-03-09", until: null }).success).toBe(true);
  });

  it("reads the clock when it validates, not when the schema is built", () => {
    const nextYear = { from: "2031-06-01", until: null };
    expect(schema.safeParse(nextYear).success).toBe(false);
    now = new Date("2027-01-01T00:00:00Z");
    expect(schema.safeParse(nextYear).success).toBe(true);
  });
});

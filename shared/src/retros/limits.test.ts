import { saveRetroThemesRequestSchema } from "../api/retros";
import { retroLimits } from "./limits";

describe("retro limits", () => {
  it("leaves room for the largest themes the API accepts", () => {
    // Every count and length at its maximum, with characters JSON escapes at six times their size.
    const perTheme = retroLimits.entriesMax / retroLimits.themesMax;
    const themes = Array.from({ length: retroLimits.themesMax }, (_, index) => ({
      id: `t${index}`.padEnd(40, "x"),
      title: `a${"\u0001".repeat(retroLimits.themeTitle - 2)}b`,
      entryIds: Array.from({ length: perTheme }, (_, entry) =>
        `${index}-${entry}-`.padEnd(80, "e"),
      ),
    }));

    const parsed = saveRetroThemesRequestSchema.safeParse({ themes });

    expect(parsed.success).toBe(true);
    expect(JSON.stringify(parsed.data?.themes).length).toBeLessThanOrEqual(retroLimits.themesJson);
  });

  it("takes the 300 entries a big retro card is tested with", () => {
    expect(retroLimits.entriesMax).toBeGreaterThanOrEqual(300);
  });
});

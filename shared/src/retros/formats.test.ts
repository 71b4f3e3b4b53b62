import {
  builtInRetroFormat,
  builtInRetroFormats,
  customRetroFormat,
  customRetroFormatSchema,
} from "./formats";
import { pulseOf, topThemes } from "./summary";

describe("retro formats", () => {
  it("offers keep/drop/add, quarterly, four headlines and the pulse", () => {
    expect(builtInRetroFormats.map((format) => format.id)).toEqual([
      "keepDropAdd",
      "quarterly",
      "fourHeadlines",
      "pulse",
    ]);
  });

  it("links the quarterly purpose question to the canvas purpose", () => {
    const purpose = builtInRetroFormat("quarterly").prompts.find((p) => p.id === "purpose");

    expect(purpose?.linksTo).toBe("canvasPurpose");
  });

  it("scores only the pulse", () => {
    expect(builtInRetroFormats.filter((format) => format.scored).map((f) => f.id)).toEqual([
      "pulse",
    ]);
  });

  it("numbers a custom format's prompts in order", () => {
    const format = customRetroFormat({
      title: "Sailboat",
      prompts: [{ label: "Wind" }, { label: "Anchors", hint: "What slows us?" }],
    });

    expect(format.prompts).toEqual([
      { id: "p1", label: "Wind" },
      { id: "p2", label: "Anchors", hint: "What slows us?" },
    ]);
  });

  it("refuses a custom format without prompts", () => {
    expect(customRetroFormatSchema.safeParse({ title: "Empty", prompts: [] }).success).toBe(false);
  });
});

describe("retro summaries", () => {
  it("averages the pulse scores that were given, to one decimal", () => {
    expect(pulseOf([4, 5, null, 3, 3])).toEqual({ average: 3.8, count: 4 });
    expect(pulseOf([null])).toBeNull();
  });

  it("keeps the most voted items that received a vote", () => {
    const ballot = [
      { target: "theme:a", title: "A", entryCount: 2, votes: 4 },
      { target: "entry:b", title: "B", entryCount: 1, votes: 0 },
    ];

    expect(topThemes(ballot)).toEqual([{ title: "A", votes: 4 }]);
  });
});

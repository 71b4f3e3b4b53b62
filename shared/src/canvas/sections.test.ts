import { updateCanvasSectionRequestSchema } from "../api/canvas";
import { limits } from "../validations";
import { canvasSectionDefinition, canvasSectionIdSchema, canvasSections } from "./sections";

describe("canvas sections", () => {
  it("lists the seven sections in the order champions fill them in", () => {
    expect(canvasSections.map((section) => section.id)).toEqual([
      "purpose",
      "values",
      "success",
      "rituals",
      "roles",
      "incentives",
      "curation",
    ]);
  });

  it("gives every section a title and at least two guiding questions", () => {
    for (const section of canvasSections) {
      expect(section.title.length).toBeGreaterThan(0);
      expect(section.prompts.length).toBeGreaterThanOrEqual(2);
    }
  });

  it("refuses an unknown section id with a message naming the valid ones", () => {
    const result = canvasSectionIdSchema.safeParse("vision");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain("purpose, values");
  });

  it("finds a section's definition by id", () => {
    expect(canvasSectionDefinition("roles").title).toBe("Roles");
  });
});

describe("updateCanvasSectionRequestSchema", () => {
  it("accepts Markdown up to the shared limit", () => {
    const content = "x".repeat(limits.canvasSectionContent);
    expect(updateCanvasSectionRequestSchema.parse({ content })).toEqual({ content });
  });

  it("refuses content over the limit with a message saying what to do", () => {
    const result = updateCanvasSectionRequestSchema.safeParse({
      content: "x".repeat(limits.canvasSectionContent + 1),
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/Keep the section within/);
  });

  it("refuses a body without content", () => {
    expect(updateCanvasSectionRequestSchema.safeParse({}).success).toBe(false);
  });
});

import { canvasResponseSchema, canvasSectionIds } from "@practice-hub/shared";
import type { CanvasEntity, CanvasSectionEntity } from "../store";
import { presentCanvas, presentCanvasReview, unsavedSectionEtag } from "./presenter";

const champion = { id: "demo-champion", displayName: "Ana Champion" };

function canvasEntityFactory(overrides: Partial<CanvasEntity> = {}): CanvasEntity {
  return { reviewedAt: null, reviewedBy: null, etag: 'W/"canvas"', ...overrides };
}

function sectionEntityFactory(overrides: Partial<CanvasSectionEntity> = {}): CanvasSectionEntity {
  return {
    sectionId: "values",
    content: "Be kind.",
    version: 3,
    updatedAt: "2026-05-01T10:00:00.000Z",
    updatedBy: champion,
    etag: 'W/"values-3"',
    ...overrides,
  };
}

describe("presentCanvas", () => {
  it("answers all seven sections in order, filling never-written ones with version 0", () => {
    const canvas = presentCanvas({
      communityId: "pm",
      canvas: canvasEntityFactory(),
      sections: [sectionEntityFactory()],
      allowedActions: ["read"],
    });

    expect(canvasResponseSchema.parse(canvas)).toEqual(canvas);
    expect(canvas.sections.map((section) => section.id)).toEqual([...canvasSectionIds]);
    expect(canvas.sections[0]).toMatchObject({
      id: "purpose",
      title: "Purpose",
      content: "",
      version: 0,
      etag: unsavedSectionEtag,
      updatedAt: null,
      updatedBy: null,
    });
    expect(canvas.sections[1]).toMatchObject({
      id: "values",
      content: "Be kind.",
      version: 3,
      etag: 'W/"values-3"',
      updatedBy: champion,
    });
  });

  it("carries the prompts of each section for the editor", () => {
    const canvas = presentCanvas({
      communityId: "pm",
      canvas: canvasEntityFactory(),
      sections: [],
      allowedActions: [],
    });

    for (const section of canvas.sections) expect(section.prompts.length).toBeGreaterThan(0);
  });

  it("shows the review state and never the canvas row's own etag", () => {
    const reviewed = canvasEntityFactory({
      reviewedAt: "2026-04-01T09:00:00.000Z",
      reviewedBy: champion,
    });

    const canvas = presentCanvas({
      communityId: "pm",
      canvas: reviewed,
      sections: [],
      allowedActions: ["read", "update", "review"],
    });

    expect(canvas).toMatchObject({ reviewedAt: "2026-04-01T09:00:00.000Z", reviewedBy: champion });
    expect(JSON.stringify(canvas)).not.toContain('W/"canvas"');
  });
});

describe("presentCanvasReview", () => {
  it("refuses a canvas that was never reviewed", () => {
    expect(() => presentCanvasReview(canvasEntityFactory())).toThrow();
  });
});

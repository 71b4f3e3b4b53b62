import {
  canvasSectionDefinition,
  canvasSections,
  type CanvasAction,
  type CanvasResponse,
  type CanvasReviewResponse,
  type CanvasSection,
  type CanvasSectionId,
  type CanvasVersion,
} from "@practice-hub/shared";
import type { CanvasEntity, CanvasSectionEntity, CanvasVersionEntity } from "../store";

/**
 * The ETag of a section nobody has written yet. Sending it back in If-Match means "save only
 * if it is still unwritten": the store inserts instead of updating, so two first saves still
 * race safely.
 */
export const unsavedSectionEtag = 'W/"unsaved"';

/** One section as the tab sees it: its definition, prompts and current text. */
export function presentCanvasSection(
  sectionId: CanvasSectionId,
  entity: CanvasSectionEntity | null,
): CanvasSection {
  const definition = canvasSectionDefinition(sectionId);
  return {
    id: sectionId,
    title: definition.title,
    summary: definition.summary,
    prompts: [...definition.prompts],
    content: entity?.content ?? "",
    version: entity?.version ?? 0,
    etag: entity?.etag ?? unsavedSectionEtag,
    updatedAt: entity?.updatedAt ?? null,
    updatedBy: entity?.updatedBy ?? null,
  };
}

/** The whole canvas: always all seven sections, in canvas order. */
export function presentCanvas(props: {
  communityId: string;
  canvas: CanvasEntity;
  sections: CanvasSectionEntity[];
  allowedActions: CanvasAction[];
}): CanvasResponse {
  const byId = new Map(props.sections.map((section) => [section.sectionId, section]));
  return {
    communityId: props.communityId,
    sections: canvasSections.map((definition) =>
      presentCanvasSection(definition.id, byId.get(definition.id) ?? null),
    ),
    reviewedAt: props.canvas.reviewedAt,
    reviewedBy: props.canvas.reviewedBy,
    allowedActions: props.allowedActions,
  };
}

/** One saved version in the history list. */
export function presentCanvasVersion(entity: CanvasVersionEntity): CanvasVersion {
  return {
    sectionId: entity.sectionId,
    version: entity.version,
    content: entity.content,
    updatedAt: entity.updatedAt,
    updatedBy: entity.updatedBy,
  };
}

/** The answer to a review. */
export function presentCanvasReview(canvas: CanvasEntity): CanvasReviewResponse {
  if (canvas.reviewedAt === null || canvas.reviewedBy === null) {
    throw new Error("presentCanvasReview needs a reviewed canvas");
  }
  return { reviewedAt: canvas.reviewedAt, reviewedBy: canvas.reviewedBy };
}

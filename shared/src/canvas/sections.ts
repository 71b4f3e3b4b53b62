import { z } from "zod";

/**
 * The seven sections of the community canvas, in the order champions fill them in. The prompts
 * are guiding questions shown beside the editor; they are written for this product.
 */
export const canvasSectionIds = [
  "purpose",
  "values",
  "success",
  "rituals",
  "roles",
  "incentives",
  "curation",
] as const;
export const canvasSectionIdSchema = z.enum(canvasSectionIds, {
  error: () => `Unknown canvas section. Use one of: ${canvasSectionIds.join(", ")}.`,
});
export type CanvasSectionId = z.infer<typeof canvasSectionIdSchema>;

export interface CanvasSectionDefinition {
  id: CanvasSectionId;
  title: string;
  /** One line saying what the section is for. */
  summary: string;
  /** Guiding questions shown as prompts while editing. */
  prompts: readonly string[];
}

export const canvasSections: readonly CanvasSectionDefinition[] = [
  {
    id: "purpose",
    title: "Purpose",
    summary: "Why we meet at all, and for whom.",
    prompts: [
      "What problems does this community help its members solve?",
      "Who is it for, and who might join later?",
      "What is in scope, and what do we deliberately leave to others?",
      "Has anything changed since we last wrote this down? (Look again every quarter.)",
    ],
  },
  {
    id: "values",
    title: "Values and norms",
    summary: "How we behave with each other.",
    prompts: [
      "Which behaviours do we want to see more of?",
      "How do we disagree well?",
      "What stays inside the community, and what can be shared outside it?",
      "How do we make it safe to share a failure or ask a basic question?",
    ],
  },
  {
    id: "success",
    title: "Success definition",
    summary: "How we will know the community is worth members' time.",
    prompts: [
      "What would make a member say this was time well spent?",
      "Which signals tell us it is working? Avoid counting messages or seats filled.",
      "What would tell us to change course?",
    ],
  },
  {
    id: "rituals",
    title: "Rituals and rhythm",
    summary: "The regular activities that keep us going.",
    prompts: [
      "Which one or two rituals do we start with?",
      "How often do they run, and are they live or asynchronous?",
      "Which time zones do we need to respect?",
    ],
  },
  {
    id: "roles",
    title: "Roles",
    summary: "Who does what, so no one person carries it all.",
    prompts: [
      "Who are the champions, curators, facilitators and moderators today?",
      "How and when do these roles rotate?",
      "Who covers when someone is away?",
    ],
  },
  {
    id: "incentives",
    title: "Incentives and sponsorship",
    summary: "What makes taking part possible and worthwhile.",
    prompts: [
      "How much protected time do members get each month (two to four hours is typical)?",
      "How is contribution recognised?",
      "Is there budget for books, events or outside speakers?",
      "Which leaders back the community, and how do they show it?",
    ],
  },
  {
    id: "curation",
    title: "Content and curation",
    summary: "What we share, where it lives, and how we keep it useful.",
    prompts: [
      "What kinds of material do we collect?",
      "Where does it live so that a newcomer can find it?",
      "Who decides what is worth everyone's attention, and how?",
    ],
  },
];

/** The definition of one section; throws for an id outside the seven. */
export function canvasSectionDefinition(id: CanvasSectionId): CanvasSectionDefinition {
  const found = canvasSections.find((section) => section.id === id);
  if (!found) throw new RangeError(`No canvas section ${id}`);
  return found;
}

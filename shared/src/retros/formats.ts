import { z } from "zod";
import { retroLimits } from "./limits";

/** One question of a retro format; entries answer one prompt each. */
export const retroPromptSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/, "Prompt ids are short lower-case words."),
  label: z
    .string()
    .trim()
    .min(1, "Write the prompt.")
    .max(retroLimits.promptLabel, `Keep each prompt under ${retroLimits.promptLabel} characters.`),
  /** A line of guidance shown under the prompt. */
  hint: z.string().max(retroLimits.promptLabel).optional(),
  /** Set on the quarterly prompt about purpose: the tab shows the canvas purpose beside it. */
  linksTo: z.literal("canvasPurpose").optional(),
});
export type RetroPrompt = z.infer<typeof retroPromptSchema>;

export const retroFormatIds = [
  "keepDropAdd",
  "quarterly",
  "fourHeadlines",
  "pulse",
  "custom",
] as const;
export const retroFormatIdSchema = z.enum(retroFormatIds);
export type RetroFormatId = z.infer<typeof retroFormatIdSchema>;

/** A retro format: its prompts, and whether each entry also carries a 1-5 score (the pulse). */
export interface RetroFormat {
  id: RetroFormatId;
  title: string;
  description: string;
  prompts: RetroPrompt[];
  scored: boolean;
}

/** The built-in formats (DOMAIN.md "Retros"), worded for this product. */
export const builtInRetroFormats: readonly RetroFormat[] = [
  {
    id: "keepDropAdd",
    title: "Keep, drop, add",
    description: "A quick look at what to continue, what to let go of and what to try.",
    scored: false,
    prompts: [
      { id: "keep", label: "Keep", hint: "What works and should carry on?" },
      { id: "drop", label: "Drop", hint: "What costs more than it gives?" },
      { id: "add", label: "Add", hint: "What is missing that we should try?" },
    ],
  },
  {
    id: "quarterly",
    title: "Quarterly retro",
    description: "The quarter in review, ending with a check that our purpose still holds.",
    scored: false,
    prompts: [
      { id: "keep-doing", label: "Keep doing", hint: "What served us well this quarter?" },
      { id: "start", label: "Start", hint: "What should we begin next quarter?" },
      { id: "stop", label: "Stop", hint: "What should we no longer spend time on?" },
      { id: "differently", label: "Do differently", hint: "What should we change, and how?" },
      {
        id: "purpose",
        label: "Is our purpose still right?",
        hint: "Read the purpose on the canvas: does it still describe why we meet?",
        linksTo: "canvasPurpose",
      },
    ],
  },
  {
    id: "fourHeadlines",
    title: "Four headlines",
    description: "The first community retro: one headline each for four things that matter.",
    scored: false,
    prompts: [
      { id: "purpose", label: "Our purpose", hint: "Why do we exist, and is that clear?" },
      { id: "success", label: "How we define success", hint: "How do we know this is worth it?" },
      { id: "rituals", label: "The rituals we run", hint: "Which sessions help, which do not?" },
      {
        id: "time-support",
        label: "Our time and management's support",
        hint: "Do we get the protected time and backing we need?",
      },
    ],
  },
  {
    id: "pulse",
    title: "Monthly pulse",
    description: "A quick reading of how the community feels: a score from 1 to 5 and a line.",
    scored: true,
    prompts: [
      { id: "working", label: "What is working", hint: "Give a score and say what helps." },
      { id: "not-working", label: "What is not working", hint: "Give a score and say what hurts." },
    ],
  },
];

/** A champion's own format: a title and a list of prompts. */
export const customRetroFormatSchema = z.object({
  title: z.string().trim().min(1, "Give the format a title.").max(retroLimits.title),
  prompts: z
    .array(
      z.object({
        label: retroPromptSchema.shape.label,
        hint: z.string().trim().max(retroLimits.promptLabel).optional(),
      }),
    )
    .min(1, "A format needs at least one prompt.")
    .max(retroLimits.promptsMax, `A format has at most ${retroLimits.promptsMax} prompts.`),
});
export type CustomRetroFormat = z.infer<typeof customRetroFormatSchema>;

/** The built-in format with that id; "custom" has no built-in definition. */
export function builtInRetroFormat(id: Exclude<RetroFormatId, "custom">): RetroFormat {
  const format = builtInRetroFormats.find((candidate) => candidate.id === id);
  if (!format) throw new RangeError(`No built-in retro format ${id}`);
  return format;
}

/** Turns a champion's custom format into a RetroFormat with stable prompt ids (p1, p2, ...). */
export function customRetroFormat(custom: CustomRetroFormat): RetroFormat {
  return {
    id: "custom",
    title: custom.title,
    description: "A format defined by the community's champions.",
    scored: false,
    prompts: custom.prompts.map((prompt, index) => ({
      id: `p${index + 1}`,
      label: prompt.label,
      ...(prompt.hint ? { hint: prompt.hint } : {}),
    })),
  };
}

/** The pulse score scale. */
export const pulseScores = [1, 2, 3, 4, 5] as const;

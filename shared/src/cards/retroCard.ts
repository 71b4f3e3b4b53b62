/**
 * The retro cards: the live one in the channel, the summary when it closes, and the owner's card
 * for each action. Built in ./retro; this module names what the rest of the code may use.
 */
export { retroCard } from "./retro/liveCard";
export type { LiveRetroCardProps } from "./retro/liveCard";
export { retroOwnerCard } from "./retro/ownerCard";
export type { RetroOwnerCardProps } from "./retro/ownerCard";
export { retroSummaryCard } from "./retro/summaryCard";
export type { RetroCardProps } from "./retro/summaryCard";
export { cardUserText } from "./retro/text";
export { retroCardInputs, retroVerbs } from "./retro/verbs";

/** How user text and counts are written on retro cards. */
import { escapeCardText } from "../escapeCardText";

/** Longest user text a card shows before cutting it short: the tab has the rest. */
const maxShownText = 160;

/** User text for a TextBlock or FactSet: shortened, then escaped so it cannot format or link. */
export function cardUserText(text: string, max = maxShownText): string {
  const trimmed = text.trim().replace(/\s+/g, " ");
  return escapeCardText(trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed);
}

/**
 * User text for a choice title: renderers show choices as plain text (no Markdown), so escaping
 * would show backslashes; control characters go and the text is shortened instead.
 */
export function choiceText(text: string): string {
  const plain = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001F\u007F]/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  return plain.length > maxShownText ? `${plain.slice(0, maxShownText - 1)}…` : plain;
}

/** "1 vote", "2 votes": a count with its noun in the right number. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Makes text that a person typed safe to place in a TextBlock: it shows as typed, but cannot
 * format, link, or mention. Teams renders a Markdown subset in card text (bold, italics, lists,
 * links) and turns bare URLs into links, so a retro entry such as "[click](https://evil.example)"
 * or "<at>Everyone</at>" would otherwise become live.
 */
export function escapeCardText(userText: string): string {
  return (
    userText
      // Control characters have no business in a card and can confuse renderers.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "")
      .replace(/\r\n?/g, "\n")
      // Markdown punctuation is escaped with a backslash, which CommonMark renders as the
      // character itself: no emphasis, list, heading, link, code span or HTML tag can start.
      .replace(/[\\`*_{}[\]()#+\-!<>|~&]/g, (character) => `\\${character}`)
      // "1. text" at the start of a line would become a numbered list.
      .replace(/^(\s*\d+)\.(?=\s)/gm, "$1\\.")
      // Bare URLs and www. names are linked automatically; an invisible word joiner between
      // the scheme and "//" (or after "www") keeps the text readable but not clickable.
      .replace(/:\/\//g, ":\u2060//")
      .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\u2060.`)
  );
}

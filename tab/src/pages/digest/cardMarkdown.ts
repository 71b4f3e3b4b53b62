/**
 * The small Markdown subset our cards use (bold, links, backslash escapes, "- " list lines),
 * rendered to HTML for the preview the way Teams shows it. HTML in the text is escaped first, so
 * nothing typed by a person can become markup; links open only http(s) addresses.
 */
export function cardMarkdownToHtml(text: string): string {
  const escapes: string[] = [];
  const html = text
    // The marker used below must not occur in the text itself.
    .replace(/\uE000/g, "")
    // Backslash escapes stand for the character itself; park them behind a private-use marker
    // so no rule below sees them.
    .replace(/\\([\\`*_{}[\]()#+\-!<>|~&.])/g, (_match, character: string) => {
      escapes.push(character);
      return `\uE000${escapes.length - 1}\uE000`;
    })
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(
      /\[([^\]]*)\]\((https?:\/\/[^\s)]+)\)/g,
      (_match, label: string, url: string) =>
        `<a href="${url}" target="_blank" rel="noreferrer noopener">${label}</a>`,
    )
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\n/g, "<br>");
  return html.replace(/\uE000(\d+)\uE000/g, (_match, index: string) => {
    const character = escapes[Number(index)] ?? "";
    return character === "<"
      ? "&lt;"
      : character === ">"
        ? "&gt;"
        : character === "&"
          ? "&amp;"
          : character;
  });
}

/**
 * A small Markdown reader for canvas text: headings, lists, quotes, paragraphs, bold, italics,
 * code and links. It builds a tree that React renders as text nodes, so HTML typed into a
 * section is shown as typed and can never run or inject markup.
 */

export type Inline =
  | { kind: "text"; text: string }
  | { kind: "strong"; children: Inline[] }
  | { kind: "em"; children: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "link"; href: string; children: Inline[] };

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; children: Inline[] }
  | { kind: "paragraph"; lines: Inline[][] }
  | { kind: "quote"; lines: Inline[][] }
  | { kind: "list"; ordered: boolean; items: Inline[][] };

const inlinePattern =
  /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|_([^_\s](?:[^_]*[^_\s])?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

/** Only these link targets are followed; `javascript:` and the like stay plain text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
}

/** Parses the inline marks of one line. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = inlinePattern.exec(rest);
    if (!match) {
      out.push({ kind: "text", text: rest });
      break;
    }
    if (match.index > 0) out.push({ kind: "text", text: rest.slice(0, match.index) });
    const [whole, code, strong, strongAlt, em, emAlt, linkText, href] = match;
    if (code !== undefined) out.push({ kind: "code", text: code });
    else if (strong !== undefined || strongAlt !== undefined)
      out.push({ kind: "strong", children: parseInline(strong ?? strongAlt ?? "") });
    else if (em !== undefined || emAlt !== undefined)
      out.push({ kind: "em", children: parseInline(em ?? emAlt ?? "") });
    else if (linkText !== undefined && href !== undefined && isSafeHref(href))
      out.push({ kind: "link", href, children: parseInline(linkText) });
    else out.push({ kind: "text", text: whole });
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*)$/;
const quote = /^>\s?(.*)$/;

/** Parses canvas Markdown into blocks; blank lines separate paragraphs. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let index = 0;
  while (index < lines.length) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      index += 1;
      continue;
    }
    const headingMatch = heading.exec(line);
    if (headingMatch) {
      const level = Math.min(3, headingMatch[1]?.length ?? 1) as 1 | 2 | 3;
      blocks.push({ kind: "heading", level, children: parseInline(headingMatch[2] ?? "") });
      index += 1;
      continue;
    }
    const listPattern = bullet.test(line) ? bullet : numbered.test(line) ? numbered : null;
    if (listPattern) {
      const items: Inline[][] = [];
      while (index < lines.length && listPattern.test(lines[index] ?? "")) {
        items.push(parseInline(listPattern.exec(lines[index] ?? "")?.[1] ?? ""));
        index += 1;
      }
      blocks.push({ kind: "list", ordered: listPattern === numbered, items });
      continue;
    }
    if (quote.test(line)) {
      const quoted: Inline[][] = [];
      while (index < lines.length && quote.test(lines[index] ?? "")) {
        quoted.push(parseInline(quote.exec(lines[index] ?? "")?.[1] ?? ""));
        index += 1;
      }
      blocks.push({ kind: "quote", lines: quoted });
      continue;
    }
    const paragraph: Inline[][] = [];
    while (index < lines.length) {
      const next = lines[index] ?? "";
      if (next.trim() === "" || heading.test(next) || bullet.test(next) || numbered.test(next))
        break;
      if (quote.test(next)) break;
      paragraph.push(parseInline(next));
      index += 1;
    }
    blocks.push({ kind: "paragraph", lines: paragraph });
  }
  return blocks;
}

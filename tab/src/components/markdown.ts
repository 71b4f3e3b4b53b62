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

/** Only these link targets are followed; `javascript:` and the like stay plain text. */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
}

/**
 * Counts the characters the reader looks at. Tests pass one to show that the work grows with
 * the text's length, not its square, whatever the text (20,000 `[` included).
 */
export interface ReadMeter {
  steps: number;
}

const isSpace = (char: string | undefined) => char !== undefined && /\s/.test(char);

/**
 * The first position at or after `from` where `matches` holds, or -1; it remembers its last
 * answer. The reader only moves forward through a line, so each character is looked at once
 * per kind of delimiter, however many openers go unclosed. (A search from every opener, which
 * is what a backtracking regular expression does, made a line of 20,000 `[` quadratic.)
 */
function forwardFinder(text: string, matches: (at: number) => boolean, meter: ReadMeter) {
  let searchedFrom = Number.POSITIVE_INFINITY;
  let found = -1;
  return (from: number): number => {
    if (from >= searchedFrom && (found === -1 || from <= found)) return found;
    let at = from;
    while (at < text.length && !matches(at)) {
      at += 1;
      meter.steps += 1;
    }
    searchedFrom = from;
    found = at < text.length ? at : -1;
    return found;
  };
}

/** One inline mark read at a position: the node, and where the text after it starts. */
interface Mark {
  node: Inline;
  end: number;
}

/**
 * Parses the inline marks of one line: `code`, **strong** or __strong__, *em* or _em_, and
 * [links](https://...). A mark's text does not contain its own closing delimiter (the first one
 * closes it), and a link's target has no spaces or `)`.
 */
export function parseInline(text: string, meter: ReadMeter = { steps: 0 }): Inline[] {
  const charFinder = (char: string) => forwardFinder(text, (at) => text[at] === char, meter);
  const pairFinder = (char: string) =>
    forwardFinder(text, (at) => text[at] === char && text[at + 1] === char, meter);
  const next = {
    backtick: charFinder("`"),
    star: charFinder("*"),
    underscore: charFinder("_"),
    doubleStar: pairFinder("*"),
    doubleUnderscore: pairFinder("_"),
    closingBracket: charFinder("]"),
    hrefEnd: forwardFinder(text, (at) => text[at] === ")" || isSpace(text[at]), meter),
  };

  const strongAt = (at: number, closer: (from: number) => number): Mark | null => {
    const close = closer(at + 3);
    if (close === -1) return null;
    return {
      node: { kind: "strong", children: parseInline(text.slice(at + 2, close), meter) },
      end: close + 2,
    };
  };

  const emAt = (at: number, closer: (from: number) => number): Mark | null => {
    const first = text[at + 1];
    if (first === undefined || first === text[at] || isSpace(first)) return null;
    const close = closer(at + 1);
    if (close === -1 || isSpace(text[close - 1])) return null;
    return {
      node: { kind: "em", children: parseInline(text.slice(at + 1, close), meter) },
      end: close + 1,
    };
  };

  const linkAt = (at: number): Mark | null => {
    const closeText = next.closingBracket(at + 1);
    if (closeText <= at + 1 || text[closeText + 1] !== "(") return null;
    const hrefStart = closeText + 2;
    const closeHref = next.hrefEnd(hrefStart);
    if (closeHref <= hrefStart || text[closeHref] !== ")") return null;
    const href = text.slice(hrefStart, closeHref);
    const end = closeHref + 1;
    if (!isSafeHref(href)) return { node: { kind: "text", text: text.slice(at, end) }, end };
    const children = parseInline(text.slice(at + 1, closeText), meter);
    return { node: { kind: "link", href, children }, end };
  };

  const markAt = (at: number): Mark | null => {
    switch (text[at]) {
      case "`": {
        const close = next.backtick(at + 1);
        return close > at + 1
          ? { node: { kind: "code", text: text.slice(at + 1, close) }, end: close + 1 }
          : null;
      }
      case "*":
        return text[at + 1] === "*" ? strongAt(at, next.doubleStar) : emAt(at, next.star);
      case "_":
        return text[at + 1] === "_"
          ? strongAt(at, next.doubleUnderscore)
          : emAt(at, next.underscore);
      case "[":
        return linkAt(at);
      default:
        return null;
    }
  };

  const out: Inline[] = [];
  let plainFrom = 0;
  let at = 0;
  while (at < text.length) {
    meter.steps += 1;
    const mark = markAt(at);
    if (!mark) {
      at += 1;
      continue;
    }
    if (at > plainFrom) out.push({ kind: "text", text: text.slice(plainFrom, at) });
    out.push(mark.node);
    at = mark.end;
    plainFrom = at;
  }
  if (text.length > plainFrom) out.push({ kind: "text", text: text.slice(plainFrom) });
  return out;
}

const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*)$/;
const quote = /^>\s?(.*)$/;

/** Parses canvas Markdown into blocks; blank lines separate paragraphs. */
export function parseMarkdown(source: string, meter: ReadMeter = { steps: 0 }): Block[] {
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
      blocks.push({ kind: "heading", level, children: parseInline(headingMatch[2] ?? "", meter) });
      index += 1;
      continue;
    }
    const listPattern = bullet.test(line) ? bullet : numbered.test(line) ? numbered : null;
    if (listPattern) {
      const items: Inline[][] = [];
      while (index < lines.length && listPattern.test(lines[index] ?? "")) {
        items.push(parseInline(listPattern.exec(lines[index] ?? "")?.[1] ?? "", meter));
        index += 1;
      }
      blocks.push({ kind: "list", ordered: listPattern === numbered, items });
      continue;
    }
    if (quote.test(line)) {
      const quoted: Inline[][] = [];
      while (index < lines.length && quote.test(lines[index] ?? "")) {
        quoted.push(parseInline(quote.exec(lines[index] ?? "")?.[1] ?? "", meter));
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
      paragraph.push(parseInline(next, meter));
      index += 1;
    }
    blocks.push({ kind: "paragraph", lines: paragraph });
  }
  return blocks;
}

import fc from "fast-check";
import { isSafeHref, parseInline, parseMarkdown, type Inline, type ReadMeter } from "./markdown";

describe("parseMarkdown", () => {
  it("reads headings, lists, quotes and paragraphs with line breaks", () => {
    const blocks = parseMarkdown(
      "# Why\nFirst line\nsecond line\n\n- one\n- two\n\n1. a\n\n> quoted",
    );
    expect(blocks.map((block) => block.kind)).toEqual([
      "heading",
      "paragraph",
      "list",
      "list",
      "quote",
    ]);
    expect(blocks[1]).toEqual({
      kind: "paragraph",
      lines: [[{ kind: "text", text: "First line" }], [{ kind: "text", text: "second line" }]],
    });
    expect(blocks[3]).toMatchObject({ kind: "list", ordered: true });
  });

  it("keeps typed HTML as plain text", () => {
    expect(parseMarkdown('<img src=x onerror="alert(1)">')).toEqual([
      {
        kind: "paragraph",
        lines: [[{ kind: "text", text: '<img src=x onerror="alert(1)">' }]],
      },
    ]);
  });
});

describe("parseInline", () => {
  it("reads bold, italics, code and web links", () => {
    expect(parseInline("**bold** and *soft* `code` [site](https://example.com)")).toEqual([
      { kind: "strong", children: [{ kind: "text", text: "bold" }] },
      { kind: "text", text: " and " },
      { kind: "em", children: [{ kind: "text", text: "soft" }] },
      { kind: "text", text: " " },
      { kind: "code", text: "code" },
      { kind: "text", text: " " },
      { kind: "link", href: "https://example.com", children: [{ kind: "text", text: "site" }] },
    ]);
  });

  it("leaves a javascript: link as the text that was typed", () => {
    expect(parseInline("[click](javascript:alert(1))")).toEqual([
      { kind: "text", text: "[click](javascript:alert(1)" },
      { kind: "text", text: ")" },
    ]);
  });
});

/**
 * The regular expression the reader used before it read in one pass. It was quadratic on long
 * runs of unclosed openers; on short lines it is the reference the new reader must agree with.
 */
const formerInlinePattern =
  /`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\*([^*\s](?:[^*]*[^*\s])?)\*|_([^_\s](?:[^_]*[^_\s])?)_|\[([^\]]+)\]\(([^)\s]+)\)/;

function formerParseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let rest = text;
  while (rest.length > 0) {
    const match = formerInlinePattern.exec(rest);
    if (!match) {
      out.push({ kind: "text", text: rest });
      break;
    }
    if (match.index > 0) out.push({ kind: "text", text: rest.slice(0, match.index) });
    const [whole, code, strong, strongAlt, em, emAlt, linkText, href] = match;
    if (code !== undefined) out.push({ kind: "code", text: code });
    else if (strong !== undefined || strongAlt !== undefined)
      out.push({ kind: "strong", children: formerParseInline(strong ?? strongAlt ?? "") });
    else if (em !== undefined || emAlt !== undefined)
      out.push({ kind: "em", children: formerParseInline(em ?? emAlt ?? "") });
    else if (linkText !== undefined && href !== undefined && isSafeHref(href))
      out.push({ kind: "link", href, children: formerParseInline(linkText) });
    else out.push({ kind: "text", text: whole });
    rest = rest.slice(match.index + whole.length);
  }
  return out;
}

describe("parseInline on hostile text", () => {
  it("reads every short line of delimiters as the former regular expression did", () => {
    const pieces = [
      "*",
      "**",
      "_",
      "__",
      "`",
      "[",
      "]",
      "(",
      ")",
      " ",
      "a",
      "b",
      "https://x",
      "javascript:y",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (parts) => {
        const line = parts.join("");
        expect(parseInline(line)).toEqual(formerParseInline(line));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["[", "[".repeat(20_000)],
    ["[a](b", "[a](b".repeat(4_000)],
    ["[**", "[**".repeat(6_667)],
    ["**a", "**a".repeat(6_667)],
    ["*a ", "*a ".repeat(6_667)],
    ["`", "`".repeat(20_000)],
    ["_a _", "_a _".repeat(5_000)],
  ])(
    "looks at each character of 20,000 a bounded number of times, even for runs of %j",
    (_unit, line) => {
      const meter: ReadMeter = { steps: 0 };

      const blocks = parseMarkdown(line, meter);

      // A quadratic reader needs about 200 million steps for 20,000 `[`; this one about two a
      // character (40,000 for 20,000 `[`, 44,000 for 4,000 `[a](b`).
      expect(blocks).toHaveLength(1);
      expect(meter.steps).toBeLessThanOrEqual(8 * line.length);
    },
  );

  it("keeps a line of 20,000 [ as the text it is", () => {
    const line = "[".repeat(20_000);

    expect(parseInline(line)).toEqual([{ kind: "text", text: line }]);
  });
});

import { parseInline, parseMarkdown } from "./markdown";

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

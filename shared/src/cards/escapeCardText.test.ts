import { escapeCardText } from "./escapeCardText";
import { cardProblems } from "./testing";

const wordJoiner = "\u2060";

/** What a person sees: CommonMark drops the backslash before punctuation it escapes. */
function shownAs(escaped: string): string {
  return escaped
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .split(wordJoiner)
    .join("");
}

describe("escapeCardText", () => {
  it("leaves ordinary sentences untouched", () => {
    expect(escapeCardText("We should meet more often")).toBe("We should meet more often");
  });

  it("escapes Markdown links so they render as plain text", () => {
    const escaped = escapeCardText("[click me](https://evil.example)");

    expect(escaped).toBe(`\\[click me\\]\\(https:${wordJoiner}//evil.example\\)`);
    expect(shownAs(escaped)).toBe("[click me](https://evil.example)");
  });

  it("breaks bare URLs and www names so Teams does not link them", () => {
    const escaped = escapeCardText("see http://a.example and www.b.example");

    expect(escaped).not.toMatch(/https?:\/\//);
    expect(escaped).not.toMatch(/www\./i);
    expect(shownAs(escaped)).toBe("see http://a.example and www.b.example");
  });

  it("escapes emphasis, code and headings", () => {
    const escaped = escapeCardText("**loud** _quiet_ `code` # title");

    expect(escaped).toBe("\\*\\*loud\\*\\* \\_quiet\\_ \\`code\\` \\# title");
  });

  it("escapes mention and HTML tags", () => {
    const escaped = escapeCardText("<at>Everyone</at>");

    expect(escaped).toBe("\\<at\\>Everyone\\</at\\>");
    expect(escaped).not.toMatch(/(^|[^\\])</);
  });

  it("stops lines from becoming bullet or numbered lists", () => {
    const escaped = escapeCardText("- one\n2. two\n+ three");

    expect(escaped).toBe("\\- one\n2\\. two\n\\+ three");
  });

  it("escapes backslashes first so a typed escape cannot undo ours", () => {
    expect(escapeCardText("\\*")).toBe("\\\\\\*");
  });

  it("removes control characters and normalises line endings", () => {
    expect(escapeCardText("a\u0000b\r\nc\rd")).toBe("ab\nc\nd");
  });

  it("keeps text readable after a round trip through the renderer's unescaping", () => {
    const typed = "Retro: keep (sync) [notes] & *drop* 3. items <b>bold</b> ~strike~ | pipe!";

    expect(shownAs(escapeCardText(typed))).toBe(typed);
  });

  it("produces text that a card accepts in a TextBlock", () => {
    const text = escapeCardText("[x](https://y.example) <at>z</at>");

    expect(
      cardProblems({
        type: "AdaptiveCard",
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        version: "1.5",
        body: [{ type: "TextBlock", text, wrap: true }],
      }),
    ).toEqual([]);
  });
});

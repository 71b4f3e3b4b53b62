import { cardMarkdownToHtml } from "./cardMarkdown";

describe("cardMarkdownToHtml", () => {
  it("renders links and bold text", () => {
    expect(cardMarkdownToHtml("**New:** [Guide](https://example.com/a)")).toBe(
      '<strong>New:</strong> <a href="https://example.com/a" target="_blank" rel="noreferrer noopener">Guide</a>',
    );
  });

  it("shows escaped characters as typed instead of formatting", () => {
    expect(cardMarkdownToHtml("one\\-page \\*not bold\\* \\[x\\](https://e.example)")).toBe(
      "one-page *not bold* [x](https://e.example)",
    );
  });

  it("never lets text become HTML", () => {
    expect(cardMarkdownToHtml('<img src=x onerror="alert(1)">')).toBe(
      "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    );
  });

  it("does not link addresses that are not web addresses", () => {
    expect(cardMarkdownToHtml("[x](javascript:alert(1))")).not.toContain("<a");
  });
});

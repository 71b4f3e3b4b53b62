import { joinProperty, splitProperty, type PropertyParts } from "./splitProperty";

/** A layout with small parts, so tests stay readable; names like the occurrence rows' ones. */
function layoutFactory(overrides: Partial<PropertyParts> = {}): PropertyParts {
  return {
    partName: (index) => (index === 0 ? "text" : `text_${index}`),
    partChars: 4,
    ...overrides,
  };
}

describe("splitProperty", () => {
  it("writes text that fits in one part under the first part's name alone", () => {
    expect(splitProperty("abc", layoutFactory())).toEqual({ text: "abc" });
  });

  it("writes empty text as an empty first part, so it reads back as empty rather than missing", () => {
    expect(splitProperty("", layoutFactory())).toEqual({ text: "" });
  });

  it("splits long text into parts of at most partChars, named by partName", () => {
    expect(splitProperty("abcdefghij", layoutFactory())).toEqual({
      text: "abcd",
      text_1: "efgh",
      text_2: "ij",
    });
  });

  it("moves a surrogate pair that would straddle two parts whole into the later part", () => {
    expect(splitProperty("abc😀def", layoutFactory())).toEqual({
      text: "abc",
      text_1: "😀de",
      text_2: "f",
    });
  });

  it("writes every part of a fixed layout, empty ones too, so a Merge clears a longer value", () => {
    const layout = layoutFactory({ partName: (index) => `themes${index + 1}`, parts: 3 });

    expect(splitProperty("abcde", layout)).toEqual({ themes1: "abcd", themes2: "e", themes3: "" });
  });

  it("throws a RangeError when text does not fit in a fixed layout's parts", () => {
    expect(() => splitProperty("abcdefghi", layoutFactory({ parts: 2 }))).toThrow(RangeError);
  });
});

describe("joinProperty", () => {
  it("joins what splitProperty wrote back into the same text", () => {
    const text = "😀".repeat(7) + "tail";
    const layout = layoutFactory();

    expect(joinProperty(splitProperty(text, layout), layout)).toBe(text);
  });

  it("reads a row written before splitting, which holds only the first part", () => {
    expect(joinProperty({ text: "written long ago" }, layoutFactory())).toBe("written long ago");
  });

  it("answers undefined when the row has no first part", () => {
    expect(joinProperty({ other: "x" }, layoutFactory())).toBeUndefined();
  });

  it("stops at the first missing part", () => {
    expect(joinProperty({ text: "ab", text_1: "cd", text_3: "zz" }, layoutFactory())).toBe("abcd");
  });

  it("reads no further than a fixed layout's parts", () => {
    const row = { text: "ab", text_1: "cd", text_2: "ef" };

    expect(joinProperty(row, layoutFactory({ parts: 2 }))).toBe("abcd");
  });
});

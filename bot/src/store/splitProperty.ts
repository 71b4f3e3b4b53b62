/**
 * Table Storage refuses a string property over 32K UTF-16 characters (Azurite does too), so text
 * that may grow past that is split over several properties and joined again on read. The entity's
 * 1 MB limit is the real bound then.
 */

/** How one logical property is laid out over several stored ones. */
export interface PropertyParts {
  /**
   * The stored name of part `index`. Part 0 must be the name used before the value was split, so
   * rows holding only that property still read.
   */
  partName: (index: number) => string;
  /** Characters per part: below the 32K-character limit of a string property. */
  partChars: number;
  /**
   * When set, exactly this many parts are written, empty ones too, so that a Merge of a shorter
   * value clears what a longer one left in later parts; a longer value throws a RangeError. When
   * unset, only the parts the text needs are written: fit for Replace, which drops the rest.
   */
  parts?: number;
}

/** `text` as properties named by `layout.partName`, ready to spread into an entity. */
export function splitProperty(text: string, layout: PropertyParts): Record<string, string> {
  const { partName, partChars, parts } = layout;
  const properties: Record<string, string> = {};
  let start = 0;
  // A fixed layout writes every part; otherwise parts until the text runs out, and at least the
  // first, so an empty text reads back as "" rather than as a missing property.
  const writesPart = (index: number) =>
    parts === undefined ? index === 0 || start < text.length : index < parts;
  for (let index = 0; writesPart(index); index += 1) {
    let end = Math.min(start + partChars, text.length);
    // Never split a surrogate pair: each half alone is not valid UTF-16 text for the service.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    properties[partName(index)] = text.slice(start, end);
    start = end;
  }
  // Callers cap the text before it gets here, so running out of parts is a programming error.
  if (start < text.length) {
    throw new RangeError(`Text of ${text.length} characters does not fit in ${parts} properties.`);
  }
  return properties;
}

/**
 * The text `splitProperty` wrote, joined again; `undefined` when the row has no first part. Parts
 * are read until one is missing, so rows written before the split (one part) read the same.
 */
export function joinProperty(
  row: Readonly<Record<string, unknown>>,
  layout: PropertyParts,
): string | undefined {
  const first = row[layout.partName(0)];
  if (typeof first !== "string") return undefined;
  let text = first;
  const parts = layout.parts ?? Number.POSITIVE_INFINITY;
  for (let index = 1; index < parts; index += 1) {
    const part = row[layout.partName(index)];
    if (typeof part !== "string") break;
    text += part;
  }
  return text;
}

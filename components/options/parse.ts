/**
 * A number as a rep types it: `1.08`, `1,08`, ` 40 `. Undefined for anything
 * else (empty, `1.2.3`, `forty`), so the form can say so beside the field
 * instead of saving a NaN or a silent 0.
 */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/\s/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(cleaned)) return undefined;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : undefined;
}

/** Words from a text box, one per line or separated by commas; blanks dropped. */
export function parseList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((word) => word.trim())
    .filter((word) => word.length > 0);
}

/** Strings are fed to the reader in slices of this size, so big files report progress as they go. */
const SLICE_CHARS = 1 << 20;

/** The text of a file: a string, a function that reads it from the start each time it is called, or a one-shot stream. */
export type CsvSource = string | (() => AsyncIterable<string>) | AsyncIterable<string>;

/**
 * Opens the source from its start each time it is called. A one-shot stream
 * is kept as it is read the first time, for the second pass; `twice` false
 * (the profiles are known) reads it once and keeps nothing.
 */
export function opener(source: CsvSource, twice: boolean): () => AsyncIterable<string> {
  if (typeof source === 'string') return () => slices(source);
  if (typeof source === 'function') return source;
  if (!twice) return () => source;
  const kept: string[] = [];
  let first = true;
  return () => {
    if (!first) return replay(kept);
    first = false;
    return keep(source, kept);
  };
}

async function* keep(source: AsyncIterable<string>, kept: string[]): AsyncGenerator<string> {
  for await (const chunk of source) {
    kept.push(chunk);
    yield chunk;
  }
}

async function* replay(kept: string[]): AsyncGenerator<string> {
  while (kept.length) yield kept.shift()!;
}

async function* slices(text: string): AsyncGenerator<string> {
  for (let at = 0; at < text.length; at += SLICE_CHARS) yield text.slice(at, at + SLICE_CHARS);
}

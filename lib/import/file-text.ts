/** How much of a file is read at a time: big enough to keep the importer busy, small enough to report progress often. */
export const CHUNK_BYTES = 1 << 20;

/**
 * A file's text, chunk by chunk (UTF-8; a character split between two chunks
 * is decoded whole), without ever holding the whole file: a 50 MB export is
 * read 1 MB at a time. `onBytes` hears how far the reading got.
 */
export async function* readTextChunks(file: Blob, chunkBytes = CHUNK_BYTES, onBytes?: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for (let at = 0; at < file.size; at += chunkBytes) {
    const buffer = await file.slice(at, Math.min(at + chunkBytes, file.size)).arrayBuffer();
    const text = decoder.decode(new Uint8Array(buffer), { stream: true });
    onBytes?.(Math.min(at + chunkBytes, file.size));
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The start of a file for the preview: its first `bytes`, cut after the last
 * complete line when the file goes on (a half row would read as a broken one).
 */
export async function readHead(file: Blob, bytes: number): Promise<{ text: string; whole: boolean }> {
  const whole = file.size <= bytes;
  const text = new TextDecoder('utf-8').decode(new Uint8Array(await file.slice(0, bytes).arrayBuffer()), { stream: !whole });
  if (whole) return { text, whole };
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { text: lastBreak > 0 ? text.slice(0, lastBreak + 1) : text, whole };
}

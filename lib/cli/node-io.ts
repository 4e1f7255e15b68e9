import { createReadStream } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import type { CliIO } from './types';

/** Owner read/write only: every file the CLI writes holds CRM data, which is private. */
export const OUTPUT_FILE_MODE = 0o600;

/**
 * Writes `content` to `path` readable by its owner only. A file that already
 * exists keeps its inode but loses any wider mode before the first byte is
 * written (the mode given to open applies only to a new file).
 */
export async function writePrivateFile(path: string, content: string): Promise<void> {
  const handle = await open(path, 'w', OUTPUT_FILE_MODE);
  try {
    await handle.chmod(OUTPUT_FILE_MODE);
    await handle.writeFile(content, 'utf8');
  } finally {
    await handle.close();
  }
}

/** The real process: files, streams and the clock. Everything else in lib/cli receives these as a parameter. */
export function createNodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: writePrivateFile,
    now: () => Date.now(),
    env: process.env,
    readTextChunks: (path) => createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
  };
}

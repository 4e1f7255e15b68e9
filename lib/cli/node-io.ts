import { createReadStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import type { CliIO } from './types';

/** The real process: files, streams and the clock. Everything else in lib/cli receives these as a parameter. */
export function createNodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    writeFile: (path, content) => writeFile(path, content, 'utf8'),
    now: () => Date.now(),
    env: process.env,
    readTextChunks: (path) => createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }),
  };
}

/**
 * The shape of a `kpi-lens` CLI command. Each command lives in its own file and
 * is registered in lib/cli/commands.ts; I/O is injected so tests run commands
 * in-process.
 */
export type CliIO = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, content: string) => Promise<void>;
  /** Injected so commands that need "now" stay testable. */
  now: () => number;
  env: Readonly<Record<string, string | undefined>>;
  /**
   * Reads a text file in chunks, so a 50 MB export is imported without holding
   * it twice. Optional: commands fall back to `readFile` without it.
   */
  readTextChunks?: (path: string) => AsyncIterable<string>;
};

export type CliCommand = {
  name: string;
  /** One line for `kpi-lens --help`. */
  summary: string;
  /** The full usage text for `kpi-lens <name> --help`. */
  usage: string;
  /** Returns the process exit code: 0 done, 1 failed, 2 bad usage or unreadable input. */
  run(args: readonly string[], io: CliIO): Promise<number>;
};

/** A bad flag, a missing argument, an unreadable file: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './types';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util parseArgs in strict mode, with its errors turned into one-line
 * UsageErrors (`unknown flag --foo`), which main prints and exits 2 on.
 */
export function parseFlags<const O extends Options>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string } | null)?.code;
  const flag = /'(-[^']*)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown flag ${flag ?? message}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `${(flag ?? '').split(' ')[0] || 'a flag'} needs a value` : `${flag ?? 'a flag'} takes no value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${flag ?? /'([^']*)'/.exec(message)?.[1] ?? ''}`.trim();
  return message.split('\n')[0] ?? message;
}

/** `--won Won,Closed Won --won Signed` → ['Won', 'Closed Won', 'Signed']. */
export function listValues(values: readonly string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return values
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

/** `--map closedAt="Close Date"` entries to a field → column record (null prototype: field names are user input). */
export function mapPairs(values: readonly string[] | undefined): Record<string, string> | undefined {
  if (!values) return undefined;
  const pairs: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0 || at === value.length - 1) throw new UsageError(`--map expects field=column, got ${JSON.stringify(value)}`);
    pairs[value.slice(0, at).trim()] = value.slice(at + 1).trim();
  }
  return pairs;
}

import { UsageError, type CliIO } from '../types';

/** `--tz`, else the TZ environment variable, else UTC; an unknown zone is a usage error. */
export function resolveTimeZone(flag: string | undefined, io: CliIO): string {
  const zone = flag ?? (io.env.TZ || 'UTC');
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new UsageError(`unknown time zone ${JSON.stringify(zone)}${flag === undefined ? ' (from $TZ)' : ''}: expected an IANA name such as Europe/Moscow`);
  }
  return zone;
}

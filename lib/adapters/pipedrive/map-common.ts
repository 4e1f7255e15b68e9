import { describeIssues, type RecordType } from '../../model';
import type { z } from '../../model/zod';
import type { Mapped } from '../map';
import { parseTimestamp } from '../map';
import { majorToMinor } from '../../money/minor';

/** What every Pipedrive mapper needs besides the raw item. */
export type MapContext = {
  source: string;
  /** `https://acme.pipedrive.com`: record links start here. */
  appUrl: string;
  timeZone: string;
};

type Read<T> = { ok: true; item: T } | { ok: false; mapped: Mapped };

/** Parses a raw item against its raw schema; a mismatch becomes a Reject naming the fields. */
export function readItem<T>(schema: z.ZodType<T>, raw: unknown, type: RecordType): Read<T> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, item: result.data };
  const rawId = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
  const externalId = typeof rawId === 'number' || typeof rawId === 'string' ? String(rawId).slice(0, 200) : undefined;
  return { ok: false, mapped: { type, reject: `not a Pipedrive ${type} as documented: ${describeIssues(result.error)}`, externalId } };
}

/** A required instant: the first readable timestamp among the candidates. */
export function firstTime(...values: (string | null | undefined)[]): number | undefined {
  for (const value of values) {
    const ms = parseTimestamp(value);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** Major-unit amount + ISO code → Money, or a reason when it cannot be read exactly. */
export function toMoney(
  value: number | string | null | undefined,
  currency: string | null | undefined,
): { minor: number; currency: string } | string | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const code = typeof currency === 'string' ? currency.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) return `an amount of ${String(value).slice(0, 40)} has no ISO currency (got ${String(currency).slice(0, 20)})`;
  const minor = majorToMinor(value, code);
  if (minor === undefined) return `the amount ${String(value).slice(0, 40)} ${code} is not a readable number`;
  return { minor, currency: code };
}

/** Removes undefined values so candidates print cleanly and `.optional()` fields stay absent. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

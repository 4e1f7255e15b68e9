import type { KpiOk, Sample } from '@/lib/kpi';
import type { ShownResult } from '@/lib/views';

const period = { start: 0, end: 1, label: '2026-11' };

/** A hand-made ok result as the background sends it, for component tests. */
export function okResult(
  id: KpiOk['id'],
  value: number,
  unit: string,
  parts: Record<string, number> = {},
  extra: Partial<Omit<KpiOk, 'recordIds'>> & Partial<Pick<Extract<ShownResult, { status: 'ok' }>, 'recordCount' | 'judged' | 'methodName' | 'methodNote'>> = {},
): ShownResult {
  return { id, period, status: 'ok', value, unit, counts: {}, parts, recordType: 'deal', recordCount: 0, ...extra };
}

/** The same, below its minimum sample: `n` records of `unit` against `min`. */
export function lowSampleResult(
  id: KpiOk['id'],
  value: number,
  unit: string,
  sample: Sample,
  extra: Partial<Omit<KpiOk, 'recordIds' | 'status' | 'sample'>> = {},
): ShownResult {
  return { id, period, status: 'low-sample', value, unit, counts: {}, parts: {}, recordType: 'deal', recordCount: 0, sample, ...extra };
}

export function notForOneRep(id: KpiOk['id']): ShownResult {
  return { id, period, status: 'not-defined', reason: 'spend is entered for the team, not per rep', code: 'not-for-one-rep', recordCount: 0 };
}

export function needsData(id: KpiOk['id'], missing: ('quotas' | 'spend' | 'customers')[]): ShownResult {
  return { id, period, status: 'needs-data', missing, message: `needs ${missing.join(', ')}`, recordCount: 0 };
}

export function notDefined(id: KpiOk['id'], reason: string): ShownResult {
  return { id, period, status: 'not-defined', reason, recordCount: 0 };
}

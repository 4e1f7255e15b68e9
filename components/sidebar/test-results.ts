import type { KpiOk, KpiResult } from '../../lib/kpi/types';

const period = { start: 0, end: 1, label: '2026-11' };

/** A hand-made ok result for component tests. */
export function okResult(id: KpiOk['id'], value: number, unit: string, parts: Record<string, number> = {}, extra: Partial<KpiOk> = {}): KpiResult {
  return { id, period, status: 'ok', value, unit, counts: {}, parts, recordType: 'deal', recordIds: [], ...extra };
}

export function needsData(id: KpiOk['id'], missing: ('quotas' | 'spend')[]): KpiResult {
  return { id, period, status: 'needs-data', missing, message: `needs ${missing.join(', ')}` };
}

import { DEMO_EXCHANGE_RATES, generateDemoData } from '@/lib/demo';
import { type KpiLensDb, deleteSource, upsertRecords, RECORD_TABLES } from '@/lib/db';
import type { Responses } from '@/lib/messaging';
import { RECORD_TYPES, type RecordType } from '@/lib/model';
import { loadSettings, saveSettings } from '@/lib/settings';

export const DEMO_SOURCE = 'demo';
const DEMO_SEED = 20_240_601;

/**
 * "Explore with demo data": the built-in data set, generated up to now so
 * today, this week and this month have numbers, written as the `demo` source.
 * The personal view shows the demo's signed-in rep.
 */
export async function loadDemoData(db: KpiLensDb): Promise<Responses['demo/load']> {
  const settings = await loadSettings();
  const timeZone = settings.timeZone === 'auto' ? Intl.DateTimeFormat().resolvedOptions().timeZone : settings.timeZone;
  const data = generateDemoData({ seed: DEMO_SEED, asOf: Date.now(), timeZone, source: DEMO_SOURCE, urlBase: 'https://demo.kpi-lens.invalid' });
  await deleteSource(db, DEMO_SOURCE);
  let records = 0;
  for (const type of RECORD_TYPES) {
    const list = data[RECORD_TABLES[type] as keyof typeof data] as unknown;
    if (Array.isArray(list) && list.length) records += await upsertRecords(db, { [type]: list } as { [K in RecordType]?: never[] });
  }
  await saveSettings(
    {
      currentOwner: { ...settings.currentOwner, [DEMO_SOURCE]: data.currentOwnerId },
      // The demo's RUB deals need a rate; the rep's own rates, once set, are kept.
      rates: Object.keys(settings.rates).length === 0 ? { ...DEMO_EXCHANGE_RATES } : settings.rates,
    },
    { now: Date.now() },
  );
  return { source: DEMO_SOURCE, records };
}

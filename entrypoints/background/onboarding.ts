import { DEMO_EXCHANGE_RATES } from '../../lib/demo';
import type { KpiLensDb } from '../../lib/db/db';
import { loadSettings, saveSettings } from '../../lib/settings/storage';
import { buildSyncJob } from './jobs';

/**
 * After a source is connected: remember who the signed-in rep is (the personal
 * view shows their numbers) and, for the sandbox and the demo, the exchange
 * rates their non-USD deals need when the rep has set none.
 */
export async function onFirstConnect(db: KpiLensDb, source: string, options: { demoRates: boolean }): Promise<void> {
  const settings = await loadSettings();
  const job = await buildSyncJob(db, source);
  let ownerId = settings.currentOwner[source];
  if (!ownerId && job?.adapter.whoAmI) {
    try {
      ownerId = (await job.adapter.whoAmI(job.ctx)).ownerId;
    } catch {
      // Not fatal: the rep can pick themselves in the options.
    }
  }
  await saveSettings({
    currentOwner: ownerId ? { ...settings.currentOwner, [source]: ownerId } : settings.currentOwner,
    rates: options.demoRates && Object.keys(settings.rates).length === 0 ? { ...DEMO_EXCHANGE_RATES } : settings.rates,
  });
}

import { testConnection, type TestOutcome, adapterFor, getConnection, updateConnection } from '@/lib/connections';
import { DEMO_EXCHANGE_RATES } from '@/lib/demo';
import type { KpiLensDb } from '@/lib/db';
import { loadSettings, saveSettings } from '@/lib/settings';
import { backgroundContextDeps, backgroundTimeZone } from './jobs';

/**
 * "Test" a connection: who is signed in, asked through the same context the
 * sync uses. The user found becomes the personal view's owner for the source
 * (`settings.currentOwner`) and is kept with the connection for the options.
 */
export async function testAndRemember(source: string, options: { keepOwner?: boolean } = {}): Promise<TestOutcome> {
  const connection = await getConnection(source);
  const adapter = connection && adapterFor(connection.crm);
  if (!connection || !adapter)
    return { ok: false, problem: { kind: 'input', message: 'This CRM is not connected', userAction: 'Connect it in KPI Lens options → Connections.' } };
  const outcome = await testConnection(adapter, source, backgroundContextDeps(await backgroundTimeZone()));
  if (outcome.ok && outcome.user) await rememberUser(source, outcome.user, options);
  return outcome;
}

/** Keeps the signed-in CRM user with the connection and, unless the rep chose someone already, as the personal view's owner. */
export async function rememberUser(source: string, user: { ownerId: string; name: string }, options: { keepOwner?: boolean } = {}): Promise<void> {
  await updateConnection(source, (current) => ({ ...current, user: { ...user, at: Date.now() } }));
  const settings = await loadSettings();
  if (options.keepOwner && settings.currentOwner[source]) return;
  await saveSettings({ currentOwner: { ...settings.currentOwner, [source]: user.ownerId } });
}

/**
 * After a source is connected from its own page: remember who the signed-in
 * rep is (the personal view shows their numbers) and, for the sandbox and the
 * demo, the exchange rates their non-USD deals need when the rep has set none.
 * A CRM that cannot use the page's session (HubSpot, Close) answers the test
 * with what to do, and its sync stops at once with the same message, which the
 * sidebar shows beside its empty state.
 */
export async function onFirstConnect(_db: KpiLensDb, source: string, options: { demoRates: boolean }): Promise<void> {
  void requestPersistentStorage(); // the first sync writes right after this
  await testAndRemember(source, { keepOwner: true }).catch(() => undefined); // not fatal: the rep can test again in the options
  if (options.demoRates) {
    const settings = await loadSettings();
    if (Object.keys(settings.rates).length === 0) await saveSettings({ rates: { ...DEMO_EXCHANGE_RATES } }, { now: Date.now() });
  }
}

type PersistableStorage = { persisted?: () => Promise<boolean>; persist?: () => Promise<boolean> };

/**
 * Asks the browser to keep KPI Lens data when the disk runs low, before the first sync writes.
 * Where `persist()` exists (Firefox's background page) it is asked once; Chromium's service
 * worker has no `persist()`, and there the `unlimitedStorage` permission keeps the extension's
 * data out of eviction. The options page shows the state and can ask again. Never throws.
 */
export async function requestPersistentStorage(
  storage: PersistableStorage | undefined = globalThis.navigator?.storage,
): Promise<'already' | 'granted' | 'refused' | 'unavailable'> {
  try {
    if (!storage?.persist) return 'unavailable';
    if (await storage.persisted?.()) return 'already';
    return (await storage.persist()) ? 'granted' : 'refused';
  } catch {
    return 'unavailable';
  }
}

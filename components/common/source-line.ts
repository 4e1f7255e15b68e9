import type { StoredSourceStatus } from '@/lib/db';
import type { SourceStatus } from '@/lib/messaging';
import type { I18n } from './i18n';

/** A source's status as pages have it: the counts and sync state, and (from status/get) what kind of source it is. */
export type ShownStatus = StoredSourceStatus & Partial<Pick<SourceStatus, 'source' | 'crm' | 'importedAt'>>;

/** A CSV file or a table read from a page: imported once, never synced. */
export function isFileSource(status: Pick<ShownStatus, 'source' | 'crm'> | undefined): boolean {
  if (!status) return false;
  return status.crm === 'csv' || status.crm === 'table' || /^(csv|table):/.test(status.source ?? '');
}

export const isDemoSource = (status: Pick<ShownStatus, 'source' | 'crm'> | undefined) => status?.crm === 'demo' || status?.source === 'demo';

/** Whether "Sync now" means anything for this source: a CRM connection, not a file or the demo data. */
export const canSync = (status: Pick<ShownStatus, 'source' | 'crm'> | undefined) => !isFileSource(status) && !isDemoSource(status);

/**
 * The one line that says where a source's data stands: syncing, when it was last synced, or for a
 * file when it was imported, for the demo data that it is made up. Never "Not synced yet" for
 * data that is not synced at all.
 */
export function sourceStatusLine(status: ShownStatus, { t, dateTime, number }: Pick<I18n, 't' | 'dateTime' | 'number'>): string {
  if (status.syncing) return t('sync.running', { object: status.progress?.object ?? '', records: number(status.progress?.records ?? status.records) });
  if (isFileSource(status)) return status.importedAt !== undefined ? t('source.imported', { when: dateTime(status.importedAt) }) : t('source.importedUndated');
  if (isDemoSource(status)) return t('source.demo');
  return status.lastSyncAt ? t('sync.last', { when: dateTime(status.lastSyncAt) }) : t('sync.never');
}

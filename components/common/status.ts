import { statusVersionKey, type SourceStatus, send } from '@/lib/messaging';
import type { Want } from './query';
import { onStorageChange } from './signals';

/**
 * The background's status of every source (records, sync progress, problems): the one way any
 * page asks for it. Pages keep it in a `sources` query and ask again on the status signal.
 */
export const SOURCES: Want<SourceStatus[]> = {
  key: 'status/get',
  load: async () => (await send({ type: 'status/get' })).sources,
};

/**
 * Calls `onChange` when the background says a source's status moved (`status-version:<source>`,
 * bumped on sync progress and with every data change): of `source`, or of any source.
 */
export function onStatusChange(source: string | undefined, onChange: () => void): () => void {
  return onStorageChange('session', (key) => (source === undefined ? key.startsWith(statusVersionKey('')) : key === statusVersionKey(source)), onChange);
}

/** Test-only: the CDNOW purchase log as canonical won deals (USD cents, closed at noon UTC). */
import { DAY_MS } from '../period/units';
import type { Deal } from '../model';
import { readTransactionLog } from './transaction-log';
import { readCdnow } from './test-cdnow-files';

export function cdnowDeals(): Deal[] {
  const log = readTransactionLog(readCdnow('CDNOW_sample.txt'));
  return log.transactions.map((t, i) => ({
    source: 'csv:cdnow',
    externalId: `D${i + 1}`,
    updatedAt: 0,
    title: `CDNOW order ${i + 1}`,
    ownerId: 'rep',
    status: 'won',
    amount: { minor: Math.round(t.amount * 100), currency: 'USD' },
    closedAt: t.day * DAY_MS + 12 * 3_600_000,
    customerId: t.customerId,
    lineItems: [],
  }));
}

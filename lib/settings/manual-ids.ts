import type { Quota, Spend, Target } from '../model';

/**
 * What the rep enters (quotas, targets, spend, product costs) is stored as
 * ordinary canonical records of the source it applies to, with an externalId
 * that starts with `manual:`. No CRM id does, so a sync never overwrites them,
 * and the ids are built from what the record is about, so entering the same
 * rep and period again edits the entry instead of adding a second one.
 */
export const MANUAL_PREFIX = 'manual:';

export function isManualId(externalId: string): boolean {
  return externalId.startsWith(MANUAL_PREFIX);
}

export function manualQuotaId(quota: Pick<Quota, 'ownerId' | 'teamId' | 'periodKind' | 'startDate' | 'endDate'>): string {
  const who = quota.teamId !== undefined ? `team:${quota.teamId}` : `rep:${quota.ownerId ?? ''}`;
  return `${MANUAL_PREFIX}quota:${who}:${quota.periodKind}:${quota.startDate}:${quota.endDate}`;
}

export function manualTargetId(target: Pick<Target, 'ownerId' | 'metric'>): string {
  return `${MANUAL_PREFIX}target:${target.ownerId === undefined ? '*' : `rep:${target.ownerId}`}:${target.metric}`;
}

export function manualSpendId(spend: Pick<Spend, 'month' | 'kind' | 'channel'>): string {
  return `${MANUAL_PREFIX}spend:${spend.month}:${spend.kind}:${spend.channel ?? 'all'}`;
}

/** A product cost the rep enters is a Product record whose id names the product it applies to. */
export function manualProductId(productId: string): string {
  return `${MANUAL_PREFIX}product:${productId}`;
}

/** The product a manual cost applies to, or undefined for any other id. */
export function productOfManualId(externalId: string): string | undefined {
  const prefix = `${MANUAL_PREFIX}product:`;
  return externalId.startsWith(prefix) ? externalId.slice(prefix.length) : undefined;
}

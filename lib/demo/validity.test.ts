import { describe, expect, it } from 'vitest';
import { parseRecord, type RecordType } from '../model';
import type { DemoDataSet } from './types';
import { AS_OF, demo } from './test-support';

const COLLECTIONS: readonly (readonly [keyof DemoDataSet, RecordType])[] = [
  ['owners', 'owner'],
  ['teams', 'team'],
  ['pipelines', 'pipeline'],
  ['stages', 'stage'],
  ['products', 'product'],
  ['customers', 'customer'],
  ['deals', 'deal'],
  ['activities', 'activity'],
  ['leads', 'lead'],
  ['mrrMovements', 'mrrMovement'],
  ['spend', 'spend'],
  ['quotas', 'quota'],
  ['targets', 'target'],
];

/** JSON with keys sorted, so two objects compare by content whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner) ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1))) : inner,
  );
}

describe('every demo record is a valid canonical record', () => {
  const data = demo();

  it.each(COLLECTIONS)('%s pass parseRecord unchanged (no field unknown to the schema, none missing)', (key, type) => {
    const records = data[key] as readonly unknown[];
    expect(records.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const record of records) {
      const result = parseRecord(type, record);
      if (!result.ok) failures.push(result.reason);
      // zod drops keys it does not know: a record equal to its parse has none.
      else if (canonical(result.record) !== canonical(record)) failures.push(`${type} changed by parsing: ${JSON.stringify(record).slice(0, 200)}`);
      if (failures.length > 5) break;
    }
    expect(failures).toEqual([]);
  });

  it('has unique ids per record type', () => {
    for (const [key] of COLLECTIONS) {
      const ids = (data[key] as readonly { externalId: string }[]).map((record) => record.externalId);
      expect(new Set(ids).size, key).toBe(ids.length);
    }
  });
});

describe('time: nothing is recorded after asOf except what is planned', () => {
  const data = demo();

  it('keeps every updatedAt and createdAt at or before asOf', () => {
    const late: string[] = [];
    for (const [key] of COLLECTIONS) {
      for (const record of data[key] as readonly { externalId: string; updatedAt: number; createdAt?: number }[]) {
        if (record.updatedAt > AS_OF || (record.createdAt ?? -Infinity) > AS_OF) late.push(`${key} ${record.externalId}`);
      }
    }
    expect(late).toEqual([]);
  });

  it('has done activities in the past and not-done ones (scheduled) in the future', () => {
    const done = data.activities.filter((activity) => activity.done);
    const scheduled = data.activities.filter((activity) => !activity.done);
    expect(done.every((activity) => activity.occurredAt <= AS_OF)).toBe(true);
    expect(scheduled.length).toBeGreaterThan(100);
    expect(scheduled.every((activity) => activity.occurredAt > AS_OF)).toBe(true);
    expect(scheduled.every((activity) => (activity.createdAt ?? Infinity) <= AS_OF)).toBe(true);
  });

  it('orders each deal: created ≤ stage visits ≤ closed ≤ asOf, first contact before creation', () => {
    for (const deal of data.deals) {
      const created = deal.createdAt ?? -Infinity;
      const end = deal.closedAt ?? AS_OF;
      expect(end).toBeLessThanOrEqual(AS_OF);
      if (deal.status === 'open') expect(deal.closedAt).toBeUndefined();
      else expect(deal.closedAt).toBeGreaterThanOrEqual(created);
      const visits = deal.stageHistory ?? [];
      expect(visits[0]?.enteredAt).toBe(deal.createdAt);
      expect(visits[visits.length - 1]?.stageId).toBe(deal.stageId);
      for (let i = 1; i < visits.length; i += 1) expect(visits[i]?.enteredAt).toBeGreaterThan(visits[i - 1]?.enteredAt ?? Infinity);
      expect(visits.every((visit) => visit.enteredAt <= end)).toBe(true);
      if (deal.firstContactAt !== undefined) expect(deal.firstContactAt).toBeLessThanOrEqual(created);
      if (deal.lastActivityAt !== undefined) expect(deal.lastActivityAt).toBeLessThanOrEqual(AS_OF);
    }
  });

  it('sets lastActivityAt to the latest done activity on the deal', () => {
    const latest = new Map<string, number>();
    for (const activity of data.activities) {
      if (!activity.done || !activity.dealId) continue;
      latest.set(activity.dealId, Math.max(latest.get(activity.dealId) ?? 0, activity.occurredAt));
    }
    for (const deal of data.deals) expect(deal.lastActivityAt).toBe(latest.get(deal.externalId));
  });

  it('logs activities on a record only once it exists (cold outreach before a deal excepted)', () => {
    const dealCreated = new Map(data.deals.map((deal) => [deal.externalId, deal.createdAt ?? -Infinity]));
    const leadCreated = new Map(data.leads.map((lead) => [lead.externalId, lead.createdAt]));
    const acquired = new Map(data.customers.map((customer) => [customer.externalId, customer.acquiredAt ?? -Infinity]));
    const early = data.activities.filter(
      (a) =>
        (a.dealId !== undefined && !a.email?.cold && (a.createdAt ?? a.occurredAt) < (dealCreated.get(a.dealId) ?? Infinity)) ||
        (a.leadId !== undefined && a.occurredAt < (leadCreated.get(a.leadId) ?? Infinity)) ||
        (a.customerId !== undefined && a.occurredAt < (acquired.get(a.customerId) ?? Infinity)),
    );
    expect(early.map((a) => a.externalId)).toEqual([]);
  });

  it('orders each lead: created ≤ MQL ≤ SQL, conversion after creation, status matching the dates', () => {
    for (const lead of data.leads) {
      if (lead.mqlAt !== undefined) expect(lead.mqlAt).toBeGreaterThanOrEqual(lead.createdAt);
      if (lead.sqlAt !== undefined) expect(lead.sqlAt).toBeGreaterThanOrEqual(lead.mqlAt ?? Infinity);
      if (lead.convertedAt !== undefined) expect(lead.convertedAt).toBeGreaterThanOrEqual(lead.createdAt);
      expect(lead.status === 'converted').toBe(lead.convertedAt !== undefined);
      expect(lead.status === 'converted').toBe(lead.convertedDealId !== undefined);
    }
  });
});

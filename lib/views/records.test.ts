import { describe, expect, it } from 'vitest';
import { MAX_RECORDS_LISTED, MAX_RECORDS_PAGE, recordPage } from './records';
import { fixtureData } from './test-fixture';

describe('records behind a number', () => {
  it('describes each record type as text with its CRM link', () => {
    const data = fixtureData();
    const deals = recordPage(data, 'deal', ['d1', 'missing'], 0, 10);
    expect(deals.rows[0]).toMatchObject({
      id: 'd1',
      title: 'Deal d1',
      status: 'won',
      ownerName: 'Ann Rep',
      amount: { minor: 300_000, currency: 'USD' },
      url: 'https://crm.example/deals/d1',
    });
    // A record gone since the number was computed still shows its id, not an error.
    expect(deals.rows[1]).toEqual({ id: 'missing', type: 'deal', title: 'missing' });
    const activities = recordPage(data, 'activity', ['a1'], 0, 10);
    expect(activities.rows[0]).toMatchObject({ kind: 'call', status: 'done', at: Date.UTC(2026, 10, 16, 10) });
    expect(recordPage(data, 'owner', ['ann'], 0, 10).rows[0]?.title).toBe('Ann Rep');
  });

  it('names a subscription change by its customer, not the customer id', () => {
    const base = { source: 'crm', updatedAt: 0 };
    const data = {
      ...fixtureData(),
      customers: [{ ...base, externalId: 'customer-362', name: 'Quarry Insurance Corp.', acquiredAt: 0 }],
      mrrMovements: [
        { ...base, externalId: 'm1', customerId: 'customer-362', at: 1, kind: 'new' as const, amount: { minor: 9_900, currency: 'USD' } },
        { ...base, externalId: 'm2', customerId: 'customer-999', at: 1, kind: 'churn' as const, amount: { minor: 100, currency: 'USD' } },
      ],
    };
    const rows = recordPage(data, 'mrrMovement', ['m1', 'm2'], 0, 10).rows;
    expect(rows.map((row) => row.title)).toEqual(['Quarry Insurance Corp.', 'customer-999']); // no such customer in the data: its id is all there is
  });

  it('pages at most 50 at a time and lists at most the first 1,000', () => {
    const ids = Array.from({ length: 1_500 }, (_, i) => `x${i}`);
    const first = recordPage(fixtureData(), 'deal', ids, 0, 500);
    expect(first.rows).toHaveLength(MAX_RECORDS_PAGE);
    expect(first).toMatchObject({ total: 1_500, listable: MAX_RECORDS_LISTED });
    const beyond = recordPage(fixtureData(), 'deal', ids, 5_000, 50);
    expect(beyond.rows).toHaveLength(0);
    expect(beyond.offset).toBe(MAX_RECORDS_LISTED);
  });
});

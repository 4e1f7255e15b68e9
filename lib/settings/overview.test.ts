import { describe, expect, it } from 'vitest';
import { customer, dataOf, deal, activity, lead, owner, product, quota, spend, target } from '../kpi/test-fixtures';
import { manualProductId, manualQuotaId } from './manual-ids';
import { buildOptionsOverview } from './overview';
import { DEFAULT_SETTINGS } from './schema';

const eur = (minor: number) => ({ minor, currency: 'EUR' });

describe('options overview of a source', () => {
  it('lists every currency with its records and those left out for lack of a rate', () => {
    const data = dataOf({
      deals: [
        deal({ amount: eur(100) }), // EUR without a rate: left out
        deal({ amount: eur(200), convertedAmount: { minor: 216, currency: 'USD' } }), // the CRM converted it: counted
        deal({ amount: { minor: 5_000, currency: 'RUB' } }), // RUB has a rate below
        deal({ amount: { minor: 300, currency: 'USD' } }),
        deal({}), // no amount: no currency
      ],
      spend: [spend('2017-06', 'sales', 10, { amount: { minor: 1_000, currency: 'GBP' } })],
      quotas: [quota(100, '2017-06-01', '2017-07-01', { amount: eur(10_000) })],
    });
    const overview = buildOptionsOverview('s', data, { ...DEFAULT_SETTINGS, rates: { RUB: 0.011 } });
    expect(overview.currencies).toEqual([
      { code: 'EUR', records: 3, leftOut: 2 }, // 2 deals + 1 quota; the converted deal counts
      { code: 'GBP', records: 1, leftOut: 1 },
      { code: 'RUB', records: 1, leftOut: 0 },
      { code: 'USD', records: 1, leftOut: 0 },
    ]);
  });

  it('marks CRM and manual quotas and targets, and which CRM ones the rep overrode', () => {
    const crm = quota(100, '2017-06-01', '2017-07-01', { externalId: 'g1' });
    const mine = {
      ...quota(200, '2017-06-01', '2017-07-01'),
      externalId: manualQuotaId({ ownerId: 'alice', periodKind: 'month', startDate: '2017-06-01', endDate: '2017-07-01' }),
    };
    const crmTarget = target('calls', 'day', 40, { externalId: 't1' });
    const overview = buildOptionsOverview('s', dataOf({ quotas: [crm, mine], targets: [crmTarget] }), DEFAULT_SETTINGS);
    expect(overview.quotas.map((q) => [q.externalId, q.manual, q.overriddenBy])).toEqual([
      ['g1', false, mine.externalId],
      [mine.externalId, true, undefined],
    ]);
    expect(overview.targets.map((t) => [t.externalId, t.manual, t.overridden])).toEqual([['t1', false, false]]);
  });

  it('lists products from the CRM and from deal lines with both costs, meeting types, channels and region coverage', () => {
    const data = dataOf({
      owners: [owner('b', 'Bob'), owner('a', 'Alice')],
      products: [
        product('p1', 'Widget', { unitCost: { minor: 5, currency: 'USD' } }),
        product(manualProductId('p2'), 'Gadget', { unitCost: { minor: 7, currency: 'USD' } }),
      ],
      deals: [
        deal({
          lineItems: [{ productId: 'p2', name: 'Gadget', quantity: 1, unitPrice: { minor: 10, currency: 'USD' } }],
          channelRaw: 'Webinar',
          channel: 'event',
          customerId: 'c1',
        }),
        deal({ channelRaw: 'webinar ', region: 'North' }),
      ],
      leads: [lead({ channelRaw: 'Cold call', channel: 'call' })],
      activities: [
        activity({ type: 'meeting', subtype: 'Demo' }),
        activity({ type: 'meeting', subtype: 'demo' }),
        activity({ type: 'meeting', subtype: 'Lunch' }),
        activity({ type: 'call', subtype: 'demo' }),
      ],
      customers: [customer({ externalId: 'c1', country: 'Germany' })],
    });
    const overview = buildOptionsOverview('s', data, { ...DEFAULT_SETTINGS, currentOwner: { s: 'a' } });
    expect(overview.currentOwnerId).toBe('a');
    expect(overview.owners.map((o) => o.name)).toEqual(['Alice', 'Bob']);
    expect(overview.products).toEqual([
      { id: 'p2', name: 'Gadget', manualCost: { minor: 7, currency: 'USD' } },
      { id: 'p1', name: 'Widget', crmCost: { minor: 5, currency: 'USD' } },
    ]);
    expect(overview.meetingTypes).toEqual([
      { type: 'demo', count: 2 },
      { type: 'lunch', count: 1 },
    ]); // the call is not a meeting
    expect(overview.channels).toEqual([
      { raw: 'Webinar', count: 2, method: 'event' },
      { raw: 'Cold call', count: 1, method: 'call' },
    ]);
    // One deal has its own region; the other's customer has a country but no region.
    expect(overview.regions).toEqual({ deal: 1, 'customer-region': 1, 'customer-country': 2 });
  });
});

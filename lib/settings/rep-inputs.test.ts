import { describe, expect, it } from 'vitest';
import { computeKpis } from '../kpi';
import { at, CAL, customer, dataOf, deal, lead, okOf, product, queryOf, quota, target, wonDeal } from '../kpi/test-fixtures';
import { parsePeriodSpec } from '../period/parse';
import { kpiSettingsOf } from './kpi-settings';
import { manualProductId, manualQuotaId, manualTargetId } from './manual-ids';
import { applyFieldRules, applyRepInputs, effectiveProducts, effectiveQuotas, effectiveTargets, memoRepInputs } from './rep-inputs';
import { DEFAULT_SETTINGS } from './schema';

const manualQuota = (major: number, startDate: string, endDate: string, over: Parameters<typeof quota>[3] = {}) => {
  const base = quota(major, startDate, endDate, over);
  return { ...base, externalId: manualQuotaId(base) };
};

describe('manual quotas win over the CRM', () => {
  const crmJune = quota(10_000, '2017-06-01', '2017-07-01', { externalId: 'crm-june' });
  const crmJuly = quota(10_000, '2017-07-01', '2017-08-01', { externalId: 'crm-july' });
  const bobJune = quota(8_000, '2017-06-01', '2017-07-01', { externalId: 'crm-bob', ownerId: 'bob' });
  const teamJune = quota(50_000, '2017-06-01', '2017-07-01', { externalId: 'crm-team', ownerId: undefined, teamId: 'east' });

  it('drops the CRM quota of the same rep within the manual dates, and only that one', () => {
    const mine = manualQuota(20_000, '2017-06-01', '2017-07-01');
    const { quotas, overriddenBy } = effectiveQuotas([crmJune, crmJuly, bobJune, teamJune, mine]);
    expect(quotas.map((q) => q.externalId)).toEqual(['crm-july', 'crm-bob', 'crm-team', mine.externalId]);
    expect([...overriddenBy]).toEqual([['crm-june', mine.externalId]]);
  });

  it('a manual quarter replaces each CRM month in it; a team quota is another assignee', () => {
    const quarter = manualQuota(24_000, '2017-04-01', '2017-07-01', { periodKind: 'quarter' });
    const crmApril = quota(5_000, '2017-04-01', '2017-05-01', { externalId: 'crm-april' });
    const { quotas } = effectiveQuotas([crmApril, crmJune, crmJuly, teamJune, quarter]);
    // April and June lie within Q2; July starts on Q2's exclusive end, so it stays.
    expect(quotas.map((q) => q.externalId)).toEqual(['crm-july', 'crm-team', quarter.externalId]);
  });

  it("a manual month leaves the CRM's quarter for the quarter view; the month view uses the manual month", () => {
    const crmQ2 = quota(30_000, '2017-04-01', '2017-07-01', { externalId: 'crm-q2', periodKind: 'quarter' });
    const mine = manualQuota(20_000, '2017-06-01', '2017-07-01');
    const data = dataOf({ deals: [wonDeal(5_000, '2017-06-12'), wonDeal(1_000, '2017-05-02')], quotas: [crmQ2, mine] });
    expect(effectiveQuotas(data.quotas).quotas).toEqual([crmQ2, mine]);
    const attainment = (period: ReturnType<typeof parsePeriodSpec>) =>
      okOf(computeKpis(applyRepInputs(data, DEFAULT_SETTINGS), queryOf({ kpis: ['quotaAttainment'], period, scope: { ownerIds: ['alice'] } })).quotaAttainment!)
        .value;
    expect(attainment(parsePeriodSpec('2017-06', CAL))).toBe(25); // June: 5,000 ÷ the manual 20,000
    expect(attainment(parsePeriodSpec('2017-Q2', CAL))).toBe(20); // Q2: 6,000 ÷ the CRM's 30,000
  });

  it('leaves the list untouched (same array) when the rep entered nothing', () => {
    const list = [crmJune, bobJune];
    expect(effectiveQuotas(list).quotas).toBe(list);
  });

  it('changes quota attainment in the KPI engine', () => {
    const data = dataOf({
      deals: [wonDeal(4_000, '2017-06-12'), wonDeal(1_000, '2017-06-20')],
      quotas: [crmJune, manualQuota(20_000, '2017-06-01', '2017-07-01')],
    });
    const before = okOf(
      computeKpis(dataOf({ ...data, quotas: [crmJune] }), queryOf({ kpis: ['quotaAttainment'], scope: { ownerIds: ['alice'] } })).quotaAttainment!,
    );
    const after = okOf(
      computeKpis(applyRepInputs(data, DEFAULT_SETTINGS), queryOf({ kpis: ['quotaAttainment'], scope: { ownerIds: ['alice'] } })).quotaAttainment!,
    );
    expect(before.value).toBe(50); // 5,000 won ÷ 10,000 CRM quota
    expect(after.value).toBe(25); // 5,000 won ÷ 20,000 manual quota (not the sum of both, 30,000)
  });
});

describe('manual targets and product costs', () => {
  it('a manual target replaces the CRM target of the same rep and metric only', () => {
    const crmAlice = target('calls', 'day', 40, { externalId: 'crm-a', ownerId: 'alice' });
    const crmAll = target('calls', 'day', 30, { externalId: 'crm-all' });
    const crmEmails = target('emails', 'day', 20, { externalId: 'crm-e', ownerId: 'alice' });
    const mine = { ...target('calls', 'week', 150, { ownerId: 'alice' }), externalId: manualTargetId({ ownerId: 'alice', metric: 'calls' }) };
    expect(effectiveTargets([crmAlice, crmAll, crmEmails, mine]).map((t) => t.externalId)).toEqual(['crm-all', 'crm-e', 'manual:target:rep:alice:calls']);
  });

  it('a manual unit cost replaces the product cost, also for a product known only from line items', () => {
    const crm = product('p1', 'Widget', { unitCost: { minor: 500, currency: 'USD' } });
    const manual = product(manualProductId('p1'), 'Widget', { unitCost: { minor: 700, currency: 'USD' } });
    const onlyOnLines = product(manualProductId('p9'), 'Service', { unitCost: { minor: 100, currency: 'USD' } });
    const result = effectiveProducts([crm, manual, onlyOnLines]);
    expect(result.map((p) => [p.externalId, p.unitCost?.minor])).toEqual([
      ['p1', 700],
      ['p9', 100],
    ]);
  });

  it('the manual cost drives the profit margin of a deal whose lines have no cost', () => {
    const line = { productId: 'p1', name: 'Widget', quantity: 10, unitPrice: { minor: 1_000, currency: 'USD' } };
    const data = dataOf({
      deals: [wonDeal(100, '2017-06-12', { lineItems: [line] })],
      products: [product('p1', 'Widget'), product(manualProductId('p1'), 'Widget', { unitCost: { minor: 600, currency: 'USD' } })],
    });
    const margin = okOf(computeKpis(applyRepInputs(data, DEFAULT_SETTINGS), queryOf({ kpis: ['avgProfitMargin'] })).avgProfitMargin!);
    expect(margin.value).toBeCloseTo(40, 9); // (10 × $10 − 10 × $6) ÷ (10 × $10) = 40 %
  });
});

describe('field rules', () => {
  it('maps the CRM channel values to contact methods, in any case and spacing', () => {
    const settings = { ...DEFAULT_SETTINGS, channelMap: { 'Cold Call': 'call' as const, Webinar: 'event' as const } };
    const deals = [deal({ channelRaw: ' cold call', channel: 'other' }), deal({ channelRaw: 'Partner' }), deal({ channelRaw: 'WEBINAR' })];
    const leads = [lead({ channelRaw: 'webinar' })];
    const result = applyFieldRules(dataOf({ deals, leads }), settings);
    expect(result.deals.map((d) => d.channel)).toEqual(['call', undefined, 'event']);
    expect(result.leads.map((l) => l.channel)).toEqual(['event']);
  });

  it('takes the contact method from the converted lead, and the region from the customer', () => {
    const settings = { ...DEFAULT_SETTINGS, contactMethodField: 'lead' as const, regionField: 'customer-country' as const };
    const deals = [
      deal({ externalId: 'd1', channel: 'other', customerId: 'c1', region: 'North' }),
      deal({ externalId: 'd2', channel: 'email', customerId: 'c2' }),
    ];
    const data = dataOf({
      deals,
      leads: [lead({ convertedDealId: 'd1', channel: 'referral' })],
      customers: [customer({ externalId: 'c1', country: 'Germany', region: 'Bavaria' }), customer({ externalId: 'c2', region: 'Texas' })],
    });
    const result = applyFieldRules(data, settings);
    expect(result.deals.map((d) => [d.channel, d.region])).toEqual([
      ['referral', 'Germany'],
      ['email', undefined], // no lead, and the customer has no country: the deal keeps what it had
    ]);
    const byRegion = okOf(
      computeKpis(
        applyRepInputs(
          { ...data, deals: deals.map((d) => ({ ...d, status: 'won' as const, amount: { minor: 100, currency: 'USD' }, closedAt: at('2017-06-10') })) },
          { ...settings, regionField: 'customer-region' },
        ),
        queryOf({ kpis: ['salesByRegion'] }),
      ).salesByRegion!,
    );
    expect(byRegion.breakdown?.map((row) => row.key).sort()).toEqual(['Bavaria', 'Texas']);
  });

  it('passes data through unchanged (the same object) when nothing applies, and remembers results', () => {
    const data = dataOf({ deals: [deal()], quotas: [quota(1, '2017-06-01', '2017-07-01')] });
    expect(applyRepInputs(data, DEFAULT_SETTINGS)).toBe(data);
    const memo = memoRepInputs();
    const settings = { ...DEFAULT_SETTINGS, regionField: 'customer-region' as const };
    const first = memo(data, settings);
    expect(first).not.toBe(data);
    expect(memo(data, { ...settings })).toBe(first);
    expect(memo(data, DEFAULT_SETTINGS)).toBe(data);
  });
});

describe('KPI settings from the rep settings', () => {
  it('adds demo meeting types to the keywords, and picks SQL stages per source', () => {
    const minSample = { closedDeals: 4, wonDeals: 3, leads: 10, customers: 5, emails: 12 };
    const settings = {
      ...DEFAULT_SETTINGS,
      demoKeywords: ['demo'],
      demoActivityTypes: ['product_tour', 'demo'],
      sqlStageIds: { a: ['s1', 's2'], b: ['s2', 's9'] },
      defaultMarginPct: 30,
      minSample,
    };
    expect(kpiSettingsOf(settings, 'a')).toEqual({
      demoKeywords: ['demo', 'product_tour'],
      staleDays: 14,
      minSample,
      defaultMarginPct: 30,
      sqlStageIds: ['s1', 's2'],
    });
    expect(kpiSettingsOf(settings).sqlStageIds).toEqual(['s1', 's2', 's9']);
    expect(kpiSettingsOf(DEFAULT_SETTINGS, 'a')).toEqual({
      demoKeywords: ['demo', 'trial', 'демо', 'презентац'],
      staleDays: 14,
      minSample: { closedDeals: 10, wonDeals: 5, leads: 20, customers: 10, emails: 20 }, // the documented defaults
    });
  });

  it('a demo meeting type makes the engine count that meeting as a demo', () => {
    const meeting = {
      source: 'test',
      externalId: 'm1',
      updatedAt: 0,
      ownerId: 'alice',
      type: 'meeting' as const,
      subtype: 'Product_Tour',
      occurredAt: at('2017-06-10'),
      done: true,
    };
    const count = (settings: typeof DEFAULT_SETTINGS) =>
      computeKpis(dataOf({ activities: [meeting] }), queryOf({ kpis: ['demosBooked'], settings: kpiSettingsOf(settings) })).demosBooked;
    expect(count(DEFAULT_SETTINGS)).toMatchObject({ status: 'ok', value: 0 });
    expect(count({ ...DEFAULT_SETTINGS, demoActivityTypes: ['product_tour'] })).toMatchObject({ status: 'ok', value: 1 });
  });
});

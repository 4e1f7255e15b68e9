/**
 * fast-check generators of random but schema-valid KPI data and queries, for the property tests.
 * Times cluster around May–July 2017 and hit period boundaries on purpose; currencies include one
 * without a rate (GBP) and one without minor units (JPY).
 */
import fc from 'fast-check';
import { parsePeriodSpec } from '../period/parse';
import { customPeriod } from '../period/periods';
import { CAL, JUNE, MAY, activity, at, customer, deal, lead, mrrMove, owner, pipeline, quota, spend, stage, target, team } from './test-fixtures';
import type { KpiData, KpiQuery, KpiResults } from './types';

const OWNERS = ['alice', 'bob', 'carol', 'dave'] as const;
const DEALS = ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'];
const CUSTOMERS = ['c1', 'c2', 'c3', 'c4'];
const STAGES = ['s1', 's2', 's3', 'x9'];
const MONTHS = ['2017-04', '2017-05', '2017-06', '2017-07'];

const time = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(JUNE.start, JUNE.end, MAY.start, JUNE.start - 1, JUNE.end - 1) },
  { weight: 6, arbitrary: fc.integer({ min: at('2017-03-15'), max: at('2017-08-15') }) },
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const amount = fc.record({ minor: fc.integer({ min: 0, max: 10_000_000 }), currency: fc.constantFrom('USD', 'USD', 'EUR', 'GBP', 'JPY') });
const ownerId = fc.constantFrom(...OWNERS);

const dealArb = fc
  .record({
    externalId: fc.constantFrom(...DEALS, 'd7', 'd8', 'd9', 'd10'),
    ownerId,
    status: fc.constantFrom('open', 'won', 'lost'),
    amount: maybe(amount),
    convertedAmount: maybe(fc.record({ minor: fc.integer({ min: 0, max: 10_000_000 }), currency: fc.constantFrom('USD', 'EUR') })),
    probability: maybe(fc.integer({ min: 0, max: 100 })),
    stageId: maybe(fc.constantFrom(...STAGES)),
    createdAt: maybe(time),
    closedAt: maybe(time),
    expectedCloseAt: maybe(time),
    firstContactAt: maybe(time),
    lastActivityAt: maybe(time),
    channel: maybe(fc.constantFrom('call', 'email', 'referral')),
    region: maybe(fc.constantFrom('EMEA', 'APAC')),
    customerId: maybe(fc.constantFrom(...CUSTOMERS)),
    directCost: maybe(amount),
    lineItems: fc.array(
      fc.record({
        productId: maybe(fc.constantFrom('p1', 'p2')),
        name: fc.constantFrom('A', 'B'),
        quantity: fc.constantFrom(1, 2, 0.5),
        unitPrice: amount,
        unitCost: maybe(amount),
      }),
      { maxLength: 2 },
    ),
    stageHistory: maybe(fc.array(fc.record({ stageId: fc.constantFrom(...STAGES), enteredAt: time }), { maxLength: 3 })),
  })
  .map((d) => deal(d));

const activityArb = fc
  .record({
    ownerId,
    type: fc.constantFrom('call', 'email', 'meeting', 'sms', 'task', 'other'),
    direction: maybe(fc.constantFrom('outbound', 'inbound')),
    subtype: maybe(fc.constantFrom('demo', 'trial', 'visit')),
    title: maybe(fc.constantFrom('Demo call', 'Review', 'ДЕМО')),
    occurredAt: time,
    createdAt: maybe(time),
    done: fc.boolean(),
    dealId: maybe(fc.constantFrom(...DEALS)),
    email: maybe(fc.record({ cold: maybe(fc.boolean()), opened: maybe(fc.boolean()), replied: maybe(fc.boolean()), converted: maybe(fc.boolean()) })),
  })
  .map((a) => activity(a));

const leadArb = fc
  .record({
    ownerId: maybe(ownerId),
    createdAt: time,
    status: fc.constantFrom('open', 'converted', 'disqualified'),
    mqlAt: maybe(time),
    sqlAt: maybe(time),
    convertedAt: maybe(time),
    convertedDealId: maybe(fc.constantFrom(...DEALS)),
  })
  .map((l) => lead(l));

const customerArb = fc
  .record({
    externalId: fc.constantFrom(...CUSTOMERS, 'c5', 'c6'),
    ownerId: maybe(ownerId),
    region: maybe(fc.constantFrom('EMEA', 'APAC')),
    acquiredAt: maybe(time),
    churnedAt: maybe(time),
    churnReason: maybe(fc.constantFrom('voluntary', 'non-payment')),
  })
  .map((c) => customer(c));

const mrrArb = fc
  .record({
    customerId: fc.constantFrom(...CUSTOMERS),
    ownerId: maybe(ownerId),
    kind: fc.constantFrom('new', 'expansion', 'contraction', 'churn', 'reactivation'),
    at: time,
    amount,
  })
  .map((m) => mrrMove(m.kind, 0, '2017-06-01', m));

const quotaArb = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    team: fc.boolean(),
    who: ownerId,
    kind: fc.constantFrom('month', 'quarter'),
    major: fc.integer({ min: 1, max: 100_000 }),
  })
  .map((q) =>
    q.kind === 'quarter'
      ? quota(q.major, '2017-04-01', '2017-07-01', { periodKind: 'quarter', ...(q.team ? { ownerId: undefined, teamId: 'east' } : { ownerId: q.who }) })
      : quota(
          q.major,
          `${q.month}-01`,
          q.month === '2017-07' ? '2017-08-01' : `2017-${String(Number(q.month.slice(5)) + 1).padStart(2, '0')}-01`,
          q.team ? { ownerId: undefined, teamId: 'east' } : { ownerId: q.who },
        ),
  );

const spendArb = fc
  .record({
    month: fc.constantFrom(...MONTHS),
    kind: fc.constantFrom('sales', 'marketing'),
    major: fc.integer({ min: 0, max: 50_000 }),
    channel: maybe(fc.constantFrom('email', 'event')),
    currency: fc.constantFrom('USD', 'EUR', 'GBP'),
  })
  .map((s) => spend(s.month, s.kind, 0, { amount: { minor: s.major * 100, currency: s.currency }, channel: s.channel }));

const targetArb = fc
  .record({
    metric: fc.constantFrom('calls', 'emails', 'meetings', 'demos', 'dealsCreated'),
    per: fc.constantFrom('day', 'week', 'month'),
    value: fc.integer({ min: 0, max: 50 }),
    ownerId: maybe(ownerId),
  })
  .map((t) => target(t.metric, t.per, t.value, { ownerId: t.ownerId }));

const small = <T>(a: fc.Arbitrary<T>, maxLength = 12) => fc.array(a, { maxLength });

export const dataArb: fc.Arbitrary<KpiData> = fc
  .record({
    deals: small(dealArb, 15),
    activities: small(activityArb, 20),
    leads: small(leadArb),
    customers: small(customerArb, 6),
    mrrMovements: small(mrrArb),
    quotas: small(quotaArb, 6),
    spend: small(spendArb, 6),
    targets: small(targetArb, 4),
    withStages: fc.boolean(),
  })
  .map(({ withStages, ...records }) => ({
    owners: [owner('alice', 'Alice', { teamId: 'east' }), owner('bob', 'Bob', { teamId: 'east' }), owner('carol', 'Carol', { teamId: 'west', active: false })],
    teams: [team('east', 'East'), team('west', 'West')],
    pipelines: withStages ? [pipeline('p', 'Sales')] : [],
    stages: withStages ? [stage('s1', 'p', 1, 20), stage('s2', 'p', 2, 50), stage('s3', 'p', 3, 80)] : [],
    products: [],
    ...records,
  }));

const periods = [JUNE, parsePeriodSpec('2017-W23', CAL), parsePeriodSpec('2017-Q2', CAL), customPeriod('2017-05-20', '2017-06-19', CAL)];

export const queryArb: fc.Arbitrary<KpiQuery> = fc.record({
  period: fc.constantFrom(...periods),
  comparePeriod: fc.constantFrom(undefined, null),
  asOf: fc.oneof(fc.constantFrom(JUNE.end, JUNE.start), fc.integer({ min: at('2017-05-01'), max: at('2017-08-01') })),
  scope: fc.constantFrom(
    { ownerIds: 'all' as const },
    { ownerIds: ['alice'] },
    { ownerIds: ['alice', 'bob'], teamId: 'east' },
    { ownerIds: 'all' as const, teamId: 'west' },
  ),
  breakdownByOwner: fc.boolean(),
  calendar: fc.constant(CAL),
  currency: fc.constant({ reporting: 'USD', rates: { EUR: 1.1, JPY: 0.009 } }),
  settings: fc.record({
    demoKeywords: fc.constantFrom(['demo', 'демо'], []),
    staleDays: fc.constantFrom(0, 7, 14),
    defaultMarginPct: maybe(fc.constantFrom(0, 40, 100)),
    clvMethod: maybe(fc.constantFrom('historical', 'predictive')),
    sqlStageIds: maybe(fc.constant(['s2'])),
    leaderboardMetric: maybe(fc.constantFrom('wonAmount', 'winRate', 'quotaAttainment', 'activities')),
  }),
});

/**
 * Results made comparable: record-id lists are sets (their order is not part of the contract) and float
 * sums may differ in the last bit with the order of addition, so numbers are compared to 9 significant digits.
 */
export function normalise(results: KpiResults, also: (key: string, value: unknown) => unknown = (_key, value) => value): unknown {
  return JSON.parse(
    JSON.stringify(results, (key, value) => {
      if (key === 'recordIds' && Array.isArray(value)) return [...value].sort();
      if (typeof value === 'number') return Number(value.toPrecision(9));
      return also(key, value);
    }),
  );
}

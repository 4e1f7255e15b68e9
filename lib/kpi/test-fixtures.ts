/**
 * Small factories for KPI tests. Every record goes through its zod schema, so fixtures are valid
 * canonical records. Times default to June 2017 in UTC; money to USD, written in major units.
 */
import { DAY_MS } from '../period/units';
import {
  activitySchema,
  customerSchema,
  dealSchema,
  leadSchema,
  mrrMovementSchema,
  ownerSchema,
  pipelineSchema,
  productSchema,
  quotaSchema,
  spendSchema,
  stageSchema,
  targetSchema,
  teamSchema,
  type Activity,
  type Customer,
  type Deal,
  type Lead,
  type Money,
  type MrrMovement,
  type Owner,
  type Pipeline,
  type Product,
  type Quota,
  type Spend,
  type Stage,
  type Target,
  type Team,
} from '../model';
import { parsePeriodSpec } from '../period/parse';
import type { CalendarOptions } from '../period/types';
import { computeKpis, type ComputeOptions } from './compute';
import type { KpiData, KpiId, KpiOk, KpiQuery, KpiResult } from './types';
import { emptyKpiData } from './empty-data';

/** Empty KpiData for tests (the product's own, lib/kpi/empty-data.ts). */
export const emptyData = emptyKpiData;

export const CAL: CalendarOptions = { timeZone: 'UTC', weekStartsOn: 1, fiscalYearStartMonth: 1 };
export const JUNE = parsePeriodSpec('2017-06', CAL);
export const MAY = parsePeriodSpec('2017-05', CAL);

/** `2017-06-10` or `2017-06-10T12:00` as UTC ms. */
export function at(text: string): number {
  const iso = text.length === 10 ? `${text}T00:00:00Z` : text.endsWith('Z') ? text : `${text}Z`;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) throw new Error(`bad fixture time ${text}`);
  return ms;
}

export function usd(major: number): Money {
  return { minor: Math.round(major * 100), currency: 'USD' };
}
export function money(major: number, currency: string): Money {
  return { minor: Math.round(major * (currency === 'JPY' ? 1 : 100)), currency };
}

let next = 0;
const id = (prefix: string) => `${prefix}${(next += 1)}`;
const base = (externalId: string | undefined, prefix: string) => ({ source: 'test', externalId: externalId ?? id(prefix), updatedAt: 0 });

type With<T> = Partial<T> & { externalId?: string };

export const owner = (externalId: string, name: string, over: With<Owner> = {}): Owner => ownerSchema.parse({ ...base(externalId, 'o'), name, ...over });
export const team = (externalId: string, name: string, over: With<Team> = {}): Team => teamSchema.parse({ ...base(externalId, 't'), name, ...over });
export const pipeline = (externalId: string, name: string, order = 0): Pipeline => pipelineSchema.parse({ ...base(externalId, 'p'), name, order });
export const stage = (externalId: string, pipelineId: string, order: number, probability: number, name = externalId): Stage =>
  stageSchema.parse({ ...base(externalId, 's'), pipelineId, order, probability, name });
export const product = (externalId: string, name: string, over: With<Product> = {}): Product =>
  productSchema.parse({ ...base(externalId, 'pr'), name, ...over });

export function deal(over: With<Deal> = {}): Deal {
  return dealSchema.parse({ ...base(over.externalId, 'd'), title: 'Deal', ownerId: 'alice', status: 'open', ...over });
}
/** A won deal of `major` USD closed at `closed` (created 10 days earlier unless given). */
export function wonDeal(major: number, closed: string, over: With<Deal> = {}): Deal {
  const closedAt = at(closed);
  return deal({ status: 'won', amount: usd(major), closedAt, createdAt: closedAt - 10 * DAY_MS, ...over });
}
export function lostDeal(closed: string, over: With<Deal> = {}): Deal {
  const closedAt = at(closed);
  return deal({ status: 'lost', amount: usd(0), closedAt, createdAt: closedAt - 10 * DAY_MS, ...over });
}

export function activity(over: With<Activity> = {}): Activity {
  return activitySchema.parse({ ...base(over.externalId, 'a'), ownerId: 'alice', type: 'call', occurredAt: at('2017-06-10'), done: true, ...over });
}
export function lead(over: With<Lead> = {}): Lead {
  return leadSchema.parse({ ...base(over.externalId, 'l'), ownerId: 'alice', createdAt: at('2017-06-10'), status: 'open', ...over });
}
export function customer(over: With<Customer> = {}): Customer {
  return customerSchema.parse({ ...base(over.externalId, 'c'), name: 'Customer', ...over });
}
export function mrrMove(kind: MrrMovement['kind'], major: number, when: string, over: With<MrrMovement> = {}): MrrMovement {
  return mrrMovementSchema.parse({ ...base(over.externalId, 'm'), customerId: 'c1', at: at(when), kind, amount: usd(major), ...over });
}
export function quota(major: number, startDate: string, endDate: string, over: With<Quota> = {}): Quota {
  return quotaSchema.parse({ ...base(over.externalId, 'q'), ownerId: 'alice', periodKind: 'month', startDate, endDate, amount: usd(major), ...over });
}
export function target(metric: Target['metric'], per: Target['per'], value: number, over: With<Target> = {}): Target {
  return targetSchema.parse({ ...base(over.externalId, 'tg'), metric, per, value, ...over });
}
export function spend(month: string, kind: Spend['kind'], major: number, over: With<Spend> = {}): Spend {
  return spendSchema.parse({ ...base(over.externalId, 'sp'), month, kind, amount: usd(major), ...over });
}

export function dataOf(partial: Partial<KpiData>): KpiData {
  return { ...emptyData(), ...partial };
}

/**
 * Minimum samples of 1: the table tests check arithmetic on a few records, so any figure with a record
 * behind it is `ok` here. Sample sizes and `low-sample` have their own tests (sample.test.ts).
 */
export const ANY_SAMPLE = { closedDeals: 1, wonDeals: 1, leads: 1, customers: 1, emails: 1 } as const;

/** A query for June 2017 in UTC, computed as of the end of June, everyone in scope, reporting USD. */
export function queryOf(over: Partial<KpiQuery> = {}): KpiQuery {
  return {
    period: JUNE,
    asOf: JUNE.end,
    scope: { ownerIds: 'all' },
    calendar: CAL,
    currency: { reporting: 'USD', rates: { EUR: 1.1, JPY: 0.01 } },
    settings: { demoKeywords: ['demo', 'trial', 'демо'], staleDays: 14, minSample: ANY_SAMPLE },
    ...over,
  };
}

/** One KPI's result for June (or the query given). */
export function kpi(id: KpiId, data: Partial<KpiData>, over: Partial<KpiQuery> = {}, options?: ComputeOptions): KpiResult {
  const result = computeKpis(dataOf(data), queryOf({ kpis: [id], ...over }), options)[id];
  if (!result) throw new Error(`no result for ${id}`);
  return result;
}

/** The result, asserted to be ok (with the actual status and reason in the error otherwise). */
export function okOf(result: KpiResult): KpiOk & Pick<KpiResult, 'byOwner'> {
  if (result.status !== 'ok') throw new Error(`expected ok for ${result.id}, got ${JSON.stringify(result)}`);
  return result;
}

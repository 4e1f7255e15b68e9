/** The user-entered plans (quotas, spend) and the calendar facts of each period, computed once per query. */
import { tally, toReporting } from '../../money/convert';
import { elapsedFraction, isRealDate, localDateBounds, monthsIn, nextMonthStart, overlapWithBounds, workingDaysIn } from '../../period/measures';
import { spanAt } from '../../period/like-for-like';
import { periodContaining } from '../../period/periods';
import type { CalendarOptions, Period } from '../../period/types';
import type { PeriodInfo, QuotaShare, SpendTally, WindowSlot } from './types';
import type { KpiData, KpiQuery } from '../types';

/** A window's period seen as of `at` (see PeriodInfo): its span, its instants and its calendar facts. */
export function periodInfo(period: Period, at: number, calendar: CalendarOptions): PeriodInfo {
  if (!(period.start < period.end)) throw new Error(`The period ${period.label} is empty: its end is not after its start`);
  // Today counts as elapsed: its activities are already in.
  const endOfToday = periodContaining('day', at, calendar).end;
  const elapsedEnd = Math.min(period.end, Math.max(period.start, endOfToday));
  const span = spanAt(period, at);
  const openAt = Math.min(at, period.end - 1);
  const workingDays = workingDaysIn(period, calendar);
  const workingDaysElapsed = workingDaysIn({ start: period.start, end: elapsedEnd }, calendar);
  const elapsed = elapsedFraction(period, at);
  return {
    period,
    span,
    at,
    openAt,
    todayStart: periodContaining('day', openAt, calendar).start,
    workingDays,
    workingDaysElapsed,
    months: monthsIn(period, calendar),
    spanMonths: monthsIn(span, calendar),
    elapsed,
    // Before the period starts nothing is due, whatever the working days say.
    workingElapsed: elapsed <= 0 ? 0 : workingDays > 0 ? workingDaysElapsed / workingDays : elapsed,
  };
}

/**
 * Quotas and spend against both windows. A quota (dates, end exclusive) or a month of spend that covers
 * a period only partly counts pro rata by local days: a June quota of 30,000 is 7,000 for 5–11 June.
 * Quotas are for the whole period (attainment and pace read them against the time elapsed); spend is for
 * the span that exists (CAC of 1–6 June is the spend of those days over the customers won in them).
 */
export function buildPlans(
  data: KpiData,
  query: KpiQuery,
  infos: readonly [PeriodInfo, PeriodInfo],
): { quotaShares: QuotaShare[]; impossibleQuotas: number; spend: [SpendTally, SpendTally] } {
  const bounds = infos.map((info) => localDateBounds(info.period, query.calendar));
  const spanBounds = infos.map((info) => (info.span.end > info.span.start ? localDateBounds(info.span, query.calendar) : undefined));
  const quotaShares: QuotaShare[] = [];
  let impossibleQuotas = 0;
  for (const quota of data.quotas) {
    if (!isRealDate(quota.startDate) || !isRealDate(quota.endDate)) {
      impossibleQuotas += 1;
      continue;
    }
    const overlaps = bounds.map((b) => overlapWithBounds(quota.startDate, quota.endDate, b));
    const first = overlaps[0]!;
    const second = overlaps[1]!;
    if (first.overlapDays === 0 && second.overlapDays === 0) continue;
    const conversion = toReporting(quota.amount, undefined, query.currency);
    quotaShares.push({
      quota,
      minor: conversion.ok ? conversion.minor : undefined,
      issue: conversion.ok ? undefined : conversion.reason,
      share: [share(first), share(second)],
      overlapDays: [first.overlapDays, second.overlapDays],
    });
  }

  const spend: [SpendTally, SpendTally] = [emptySpend(), emptySpend()];
  for (const record of data.spend) {
    const monthStart = `${record.month}-01`;
    const monthEnd = nextMonthStart(record.month);
    const conversion = toReporting(record.amount, undefined, query.currency);
    spanBounds.forEach((b, slot) => {
      if (!b) return;
      const overlap = overlapWithBounds(monthStart, monthEnd, b);
      if (overlap.overlapDays === 0) return;
      const tallyOf = spend[slot as WindowSlot];
      tallyOf.records += 1;
      tallyOf.ids.push(record.externalId);
      if (!conversion.ok) {
        tally(tallyOf.issues, conversion.reason);
        return;
      }
      const amount = conversion.minor * share(overlap);
      if (record.kind === 'sales') tallyOf.sales += amount;
      else tallyOf.marketing += amount;
      if (record.channel) tallyOf.byChannel.set(record.channel, (tallyOf.byChannel.get(record.channel) ?? 0) + amount);
    });
  }
  return { quotaShares, impossibleQuotas, spend };
}

function share(overlap: { overlapDays: number; rangeDays: number }): number {
  return overlap.rangeDays > 0 ? overlap.overlapDays / overlap.rangeDays : 0;
}

function emptySpend(): SpendTally {
  return { sales: 0, marketing: 0, byChannel: new Map(), records: 0, ids: [], issues: new Map() };
}

/** emailBenchmarks: the source article's cold-email rule, 30/30/50. */
import type { Activity } from '../../model';
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { finiteParts, needsData, notDefined, ok, percent } from '../shared/result';
import { sampleOf } from '../shared/sample';

export const definition = defineKpi({
  id: 'emailBenchmarks',
  family: 'activity',
  name: { en: 'Cold email 30/30/50', ru: 'Холодные письма: правило 30/30/50' },
  formula: {
    en: 'Open rate ≥ 30 % of sent, reply rate ≥ 30 % of opened, conversion ≥ 50 % of replies; the value is how many of the three are met.',
    ru: 'Открытия — не меньше 30 % отправленных, ответы — не меньше 30 % открытых, конверсия — не меньше 50 % ответов; значение — сколько из трёх условий выполнено.',
  },
  needs: ['activities', 'emailTracking'],
  unit: 'count',
  higherIsBetter: true,
  additive: false,
  parts: { openRatePct: 'percent', replyRatePct: 'percent', conversionPct: 'percent', benchmarksMet: 'count', benchmarksChecked: 'count' },
});

/** The cold-email benchmark of the source article: open ≥ 30 %, reply ≥ 30 %, conversion ≥ 50 %. */
export const EMAIL_BENCHMARKS = { openRatePct: 30, replyRatePct: 30, conversionPct: 50 } as const;

/**
 * The 30/30/50 rule as a funnel: opens of sent emails, replies of opened ones, conversions (a next step
 * booked) of replies. Only emails whose opens the CRM tracks count; if any are marked cold, only cold
 * ones (else all outbound tracked emails). A reply implies an open, since tracking pixels are often
 * blocked. The value is how many of the three benchmarks are met.
 */
export const evaluator: Evaluator = {
  comparable: true,
  run({ ctx, w }: EvalInput): KpiBody {
    if (!ctx.has.emailTracking) {
      return needsData(['emailTracking'], 'Email opens and replies are not tracked by this CRM, so the 30/30/50 rule cannot be checked.');
    }
    const tracked: Activity[] = [];
    const cold: Activity[] = [];
    for (const a of w.activities) {
      if (a.type !== 'email' || a.direction === 'inbound' || !a.email) continue;
      if (a.email.opened === undefined && a.email.replied === undefined) continue;
      tracked.push(a);
      if (a.email.cold === true) cold.push(a);
    }
    const sent = cold.length ? cold : tracked;
    if (!sent.length) return notDefined('no tracked emails sent in the period', { counts: { sent: 0 } });
    let opened = 0;
    let replied = 0;
    let converted = 0;
    for (const a of sent) {
      if (a.email?.replied === true) replied += 1;
      if (a.email?.opened === true || a.email?.replied === true) opened += 1;
      if (a.email?.converted === true) converted += 1;
    }
    const rows = [
      { key: 'openRate', label: 'Open rate', n: opened, d: sent.length, threshold: EMAIL_BENCHMARKS.openRatePct },
      { key: 'replyRate', label: 'Reply rate (of opened)', n: replied, d: opened, threshold: EMAIL_BENCHMARKS.replyRatePct },
      { key: 'conversion', label: 'Conversion (of replies)', n: converted, d: replied, threshold: EMAIL_BENCHMARKS.conversionPct },
    ].filter((r) => r.d > 0);
    const met = rows.filter((r) => percent(r.n, r.d) >= r.threshold).length;
    return ok({
      value: met,
      unit: 'count',
      numerator: met,
      denominator: rows.length,
      counts: { sent: sent.length, opened, replied, converted },
      parts: finiteParts({
        openRatePct: percent(opened, sent.length),
        replyRatePct: opened ? percent(replied, opened) : undefined,
        conversionPct: replied ? percent(converted, replied) : undefined,
        benchmarksMet: met,
        benchmarksChecked: rows.length,
      }),
      recordType: 'activity',
      recordIds: sent.map((a) => a.externalId),
      breakdown: rows.map((r) => ({
        key: r.key,
        label: r.label,
        value: percent(r.n, r.d),
        count: r.n,
        extra: { threshold: r.threshold, of: r.d, met: percent(r.n, r.d) >= r.threshold ? 1 : 0 },
      })),
      method: cold.length ? 'cold-emails' : 'all-tracked-outbound',
      sample: sampleOf(ctx, 'emails', sent.length),
    });
  },
};

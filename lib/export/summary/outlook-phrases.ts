/**
 * The forecast and the coming week's plan in words, shared by the Markdown and CSV renderers and the
 * print page so all say the same thing. Plan inputs are named with lib/forecast's own labels (en/ru).
 */
import { INPUT_LABEL } from '../../forecast/texts';
import type { LocalizedText } from '../../forecast/types';
import type { SummaryWords } from './phrases';
import type { SummaryOutlook } from './types';

type Ok = Extract<SummaryOutlook, { status: 'ok' }>;

const percent = (p: number, w: SummaryWords) => w.pct(Math.round(p * 100));

/** "Forecast for 2017-12": its heading. */
export function outlookHeading(outlook: SummaryOutlook, w: SummaryWords): string {
  return outlook.status === 'ok' ? w.t('outlook', { period: w.period(outlook.period.start, outlook.period.end) }) : w.t('outlookTitle');
}

/** The range and the chance of the quota, or why there is no forecast. */
export function outlookLines(outlook: SummaryOutlook, w: SummaryWords): string[] {
  if (outlook.status !== 'ok') return [w.t(`outlook.none.${outlook.reason}`)];
  const range = w.t('outlook.range', { p10: w.money(outlook.p10), p90: w.money(outlook.p90), p50: w.money(outlook.p50), won: w.money(outlook.wonSoFar) });
  const chance =
    outlook.probabilityOfQuota === null || outlook.quota === null
      ? w.t('outlook.noQuota')
      : w.t('outlook.chance', { percent: percent(outlook.probabilityOfQuota, w), quota: w.money(outlook.quota) });
  return [range, chance];
}

function inputName(key: string, w: SummaryWords): string {
  if (key === 'activities') return w.t('plan.activities');
  const label = (INPUT_LABEL as Record<string, LocalizedText | undefined>)[key];
  return label ? label[w.locale] : key;
}

/** The plan for the coming week: what to win and open, the calls and meetings the week needs; thin inputs named. */
export function weekPlanLines(outlook: Ok, w: SummaryWords): string[] {
  const { plan } = outlook;
  if (plan.status === 'no-quota' || outlook.quota === null) return [w.t('plan.noQuota')];
  if (plan.status === 'reached') return [w.t('plan.reached')];
  const parts: string[] = [];
  if (plan.dealsToWin !== null) parts.push(w.t('plan.win', { quota: w.money(outlook.quota), count: plan.dealsToWin }));
  if (plan.dealsToOpen === 0) parts.push(w.t('plan.openNone'));
  else if (plan.tooLateDays !== undefined) parts.push(w.t('plan.tooLate', { days: plan.tooLateDays }));
  else if (plan.dealsToOpen !== null && plan.openBy !== null) parts.push(w.t('plan.open', { count: plan.dealsToOpen, date: w.date(plan.openBy) }));
  const { calls, meetings, workingDays } = plan.week;
  const days = w.num(workingDays);
  if (workingDays === 0) parts.push(w.t('plan.noDays', { period: w.period(outlook.period.start, outlook.period.end) }));
  else if (calls !== null && meetings !== null) parts.push(w.t('plan.activity', { calls: w.num(calls), meetings: w.num(meetings), days }));
  else if (calls !== null) parts.push(w.t('plan.calls', { calls: w.num(calls), days }));
  else if (meetings !== null) parts.push(w.t('plan.meetings', { meetings: w.num(meetings), days }));
  const lines = parts.length ? [parts.join('; ')] : [];
  if (plan.missing.length) {
    const named = plan.missing.map((m) => {
      const name = inputName(m.input, w);
      return m.status === 'low-sample' && m.n !== undefined && m.min !== undefined ? w.t('plan.low', { name, n: m.n, min: m.min }) : w.t('plan.none', { name });
    });
    lines.push(w.t('plan.missing', { inputs: named.join(', ') }));
  }
  return lines;
}

/** "23 % chance, expected $2,300" for a deal to work. */
export function dealChance(deal: Ok['deals'][number], w: SummaryWords): string {
  return w.t('deal.chance', { percent: percent(deal.probability, w), expected: w.money(deal.expected) });
}

/**
 * The summary's figures as words, shared by the Markdown renderer and the print page so both say the
 * same thing: Intl formatting in the rep's language and time zone, the texts of labels.ts.
 */
import { formatChange, formatDate, formatDateTime, formatMoney, formatNumber, formatPercent, formatPeriod, formatPoints } from '../../i18n/format';
import { intlTag, type Locale } from '../../i18n/locale';
import { summaryText, type SummaryText } from './labels';
import type { ActivityLine, DealRef, DealsBlock, MoveLine, RiskLine, SummarySection, WeeklySummary } from './types';

export type SummaryWords = {
  locale: Locale;
  t: SummaryText;
  money: (minor: number) => string;
  pct: (value: number) => string;
  num: (value: number) => string;
  change: (value: number) => string;
  /** A change of a percentage, in percentage points. */
  points: (value: number) => string;
  date: (ms: number) => string;
  dateTime: (ms: number) => string;
  /** Short weekday name of the local day that starts at `ms`. */
  weekday: (ms: number) => string;
  /** A period in words ("December 2026", "Nov 30 – Dec 6"), never its code. */
  period: (start: number, end: number) => string;
};

export function summaryWords(
  summary: Pick<WeeklySummary, 'currency' | 'timeZone'> & { week?: Pick<WeeklySummary['week'], 'partial'> },
  locale: Locale,
): SummaryWords {
  const weekday = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'short', timeZone: summary.timeZone });
  // formatMoney shows cents below 1,000; a plain zero reads better as "$0" than "$0.00".
  const zero = new Intl.NumberFormat(intlTag(locale), { style: 'currency', currency: summary.currency, maximumFractionDigits: 0 }).format(0);
  const text = summaryText(locale);
  // While the week runs, "last week" is last week up to the same point: every renderer says so.
  const t: SummaryText = summary.week?.partial ? (key, params) => text(key === 'lastWeek' ? 'lastWeekSoFar' : key, params) : text;
  return {
    locale,
    t,
    money: (minor) => (minor === 0 ? zero : formatMoney(minor, summary.currency, locale)),
    pct: (value) => formatPercent(value, locale, Math.abs(value) < 10 ? 1 : 0),
    num: (value) => formatNumber(value, locale, Number.isInteger(value) ? 0 : 1),
    change: (value) => formatChange(value, locale),
    points: (value) => formatPoints(value, locale),
    date: (ms) => formatDate(ms, summary.timeZone, locale),
    dateTime: (ms) => formatDateTime(ms, summary.timeZone, locale),
    weekday: (ms) => weekday.format(ms),
    period: (start, end) => formatPeriod(start, end, summary.timeZone, locale),
  };
}

/** `Week of Jun 5, 2017 – Jun 11, 2017`: dates, not the ISO week code. */
export function weekHeading(summary: WeeklySummary, w: SummaryWords): string {
  return w.t('weekOf', { from: w.date(summary.week.start), to: w.date(summary.week.end - 1) });
}

/** The title of the whole summary: who and which week. */
export function summaryTitle(summary: WeeklySummary, w: SummaryWords): string {
  const who = summary.audience.kind === 'all' ? w.t('everyone') : summary.audience.name;
  return `${w.t('title')} · ${who} · ${weekHeading(summary, w)}`;
}

export function sectionName(section: SummarySection, w: SummaryWords): string {
  return section.kind === 'all' ? w.t('everyone') : section.name;
}

/** The win rate line: `50 %`, `last week 40 % (+10 pp)`, and why it is only a hint when few deals closed. */
export function rateWords(rate: DealsBlock['winRate'], w: SummaryWords): { value: string; previous: string; note?: string } {
  const pct = (value: number | null) => (value === null ? '—' : w.pct(value));
  const change = rate.change === null || rate.lowSample ? '' : ` (${w.points(rate.change)})`;
  const words: { value: string; previous: string; note?: string } = {
    value: pct(rate.value),
    previous: `${w.t('lastWeek', { value: pct(rate.previous) })}${change}`,
  };
  if (rate.lowSample) words.note = w.t('fewClosed', { count: rate.closed });
  return words;
}

/** `last week 27 (+51.9 %)` */
export function lastWeek(value: string, change: number | null, w: SummaryWords): string {
  return `${w.t('lastWeek', { value })}${change === null ? '' : ` (${w.change(change)})`}`;
}

/** An activity line: label, `41 of 200`, status, and last week. */
export function activityPhrase(line: ActivityLine, w: SummaryWords): { label: string; value: string; status?: string; previous: string } {
  const value = line.target === undefined ? w.num(line.value) : w.t('ofTarget', { value: w.num(line.value), target: w.num(line.target) });
  const phrase: { label: string; value: string; status?: string; previous: string } = {
    label: w.t(`activity.${line.kind}`),
    value,
    previous: lastWeek(w.num(line.previous), line.change, w),
  };
  if (line.status) phrase.status = w.t(`status.${line.status}`);
  return phrase;
}

/** `$12,000 · Proposal · closes 20 Jun 2017` (what is known of the deal). */
export function dealFacts(deal: DealRef, w: SummaryWords, options: { owner?: boolean } = {}): string[] {
  const facts: string[] = [];
  facts.push(deal.amount === undefined ? '—' : w.money(deal.amount));
  if (options.owner) facts.push(deal.owner);
  if (deal.stage) facts.push(deal.stage);
  if (deal.expectedCloseAt !== undefined) facts.push(w.t('closes', { date: w.date(deal.expectedCloseAt) }));
  return facts;
}

/** Why a deal is at risk, in words. */
export function riskReasons(line: RiskLine, w: SummaryWords): string {
  const reasons: string[] = [];
  if (line.noActivity && line.idleDays !== undefined) reasons.push(w.t('idle', { count: line.idleDays }));
  if (line.pastCloseDate && line.daysPastClose !== undefined) reasons.push(w.t('pastClose', { count: line.daysPastClose }));
  return reasons.join('; ');
}

/** How an advanced or slipped deal moved. */
export function moveDetail(line: MoveLine, w: SummaryWords): string | undefined {
  if (line.why === 'due-in-week') return w.t('dueInWeek');
  if (line.from === undefined || line.to === undefined) return undefined;
  return line.why === 'moved-back' ? w.t('movedBack', { from: line.from, to: line.to }) : w.t('stageStep', { from: line.from, to: line.to });
}

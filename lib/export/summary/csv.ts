/**
 * The summary as CSV for a spreadsheet: one row per figure or listed deal, stable ids beside the
 * localised labels, plain numbers (money in major units of the summary currency, percentages 0–100).
 * Written by the one CSV writer (../csv.ts): a CRM title such as `=HYPERLINK(...)` is written with a
 * leading apostrophe so a spreadsheet shows it instead of running it, whatever separator it splits on.
 */
import type { Locale } from '../../i18n/locale';
import { toCsv } from '../csv';
import { minorToMajor } from '../../money/minor';
import { activityPhrase, moveDetail, riskReasons, sectionName, summaryWords, type SummaryWords } from './phrases';
import { dealChance, outlookLines, weekPlanLines } from './outlook-phrases';
import type { DealRef, DealsBlock, SummaryOutlook, SummarySection, WeeklySummary } from './types';

export const CSV_COLUMNS = [
  'section',
  'block',
  'metric',
  'label',
  'value',
  'previous_week',
  'change_pct',
  'target',
  'status',
  'unit',
  'details',
  'url',
] as const;

type Cell = string | number | null | undefined;
type Row = Partial<Record<(typeof CSV_COLUMNS)[number], Cell>>;

function cell(value: Cell): Cell {
  return typeof value === 'number' ? Number(value.toFixed(4)) : value;
}

function winRateDetails(rate: DealsBlock['winRate'], w: SummaryWords): string | undefined {
  if (rate.lowSample) return w.t('fewClosed', { count: rate.closed });
  return rate.change === null ? undefined : w.points(rate.change);
}

export function renderCsv(summary: WeeklySummary, locale: Locale = 'en'): string {
  const w = summaryWords(summary, locale);
  const money = (minor: number | undefined) => (minor === undefined ? undefined : minorToMajor(minor, summary.currency));
  const rows: Row[] = [
    { block: 'summary', metric: 'week', label: summary.week.label, details: `${summary.week.firstDay}..${summary.week.lastDay}` },
    { block: 'summary', metric: 'as_of', label: w.dateTime(summary.asOf), value: summary.asOf, unit: 'epoch-ms', details: summary.timeZone },
    {
      block: 'summary',
      metric: 'open_deals_at',
      label: w.dateTime(summary.openAt),
      value: summary.openAt,
      unit: 'epoch-ms',
      details: summary.week.partial ? w.t('partialWeek', { when: w.dateTime(summary.asOf) }) : undefined,
    },
    { block: 'summary', metric: 'currency', label: summary.currency },
  ];
  for (const section of summary.sections)
    rows.push(...sectionRows(section, w, money, summary.currency).map((row) => ({ section: sectionName(section, w), ...row })));
  if (summary.hiddenPeers)
    rows.push({ block: 'notes', metric: 'hidden_peers', value: summary.hiddenPeers, details: w.t('hiddenPeers', { count: summary.hiddenPeers }) });
  if (summary.quietReps) rows.push({ block: 'notes', metric: 'quiet_reps', value: summary.quietReps, details: w.t('quietReps', { count: summary.quietReps }) });
  return toCsv([CSV_COLUMNS, ...rows.map((row) => CSV_COLUMNS.map((column) => cell(row[column])))]);
}

function sectionRows(section: SummarySection, w: SummaryWords, money: (minor: number | undefined) => number | undefined, unitMoney: string): Row[] {
  const { t } = w;
  const rows: Row[] = [];
  for (const line of section.activities ?? []) {
    rows.push({
      block: 'activities',
      metric: line.kind,
      label: activityPhrase(line, w).label,
      value: line.value,
      previous_week: line.previous,
      change_pct: line.change,
      target: line.target,
      status: line.status,
      unit: 'count',
    });
  }
  const deals = section.deals;
  if (deals) {
    rows.push(
      {
        block: 'deals',
        metric: 'created',
        label: t('deals.created'),
        value: deals.created.value,
        previous_week: deals.created.previous,
        change_pct: deals.created.change,
        unit: 'count',
      },
      {
        block: 'deals',
        metric: 'created_amount',
        label: t('deals.created'),
        value: money(deals.created.amount),
        previous_week: money(deals.created.previousAmount),
        unit: unitMoney,
      },
      {
        block: 'deals',
        metric: 'won',
        label: t('deals.won'),
        value: deals.won.value,
        previous_week: deals.won.previous,
        change_pct: deals.won.change,
        unit: 'count',
      },
      {
        block: 'deals',
        metric: 'won_amount',
        label: t('deals.won'),
        value: money(deals.won.amount),
        previous_week: money(deals.won.previousAmount),
        unit: unitMoney,
      },
      {
        block: 'deals',
        metric: 'lost',
        label: t('deals.lost'),
        value: deals.lost.value,
        previous_week: deals.lost.previous,
        change_pct: deals.lost.change,
        unit: 'count',
      },
      // A change of a rate is in percentage points, not a change_pct: it goes in the details, with the small-sample note.
      {
        block: 'deals',
        metric: 'win_rate',
        label: t('deals.winRate'),
        value: deals.winRate.value,
        previous_week: deals.winRate.previous,
        unit: '%',
        details: winRateDetails(deals.winRate, w),
      },
    );
  }
  const quota = section.quota;
  if (quota.status === 'ok') {
    const { week, month } = quota;
    rows.push(
      {
        block: 'quota',
        metric: 'week_attainment',
        label: t('quota'),
        value: week.attainmentPct,
        previous_week: week.previousPct,
        status: week.status,
        unit: '%',
      },
      { block: 'quota', metric: 'week_sales', value: money(week.sales), target: money(week.quota), unit: unitMoney },
    );
    if (month) {
      rows.push(
        {
          block: 'quota',
          metric: 'month_attainment',
          label: month.label,
          value: month.attainmentPct,
          target: month.expectedPct,
          status: month.status,
          unit: '%',
          details: 'target = share of the month passed',
        },
        { block: 'quota', metric: 'month_sales', label: month.label, value: money(month.sales), target: money(month.quota), unit: unitMoney },
        { block: 'quota', metric: 'month_pace', label: month.label, value: month.pacePct, unit: '%' },
        { block: 'quota', metric: 'month_projected', label: month.label, value: money(month.projected), unit: unitMoney },
      );
    }
  } else {
    rows.push({ block: 'quota', metric: 'none', details: quota.reason });
  }
  if (section.outlook) rows.push(...outlookRows(section.outlook, w, money, unitMoney));
  const pipeline = section.pipeline;
  if (pipeline) {
    rows.push(
      { block: 'pipeline', metric: 'open_deals', value: pipeline.openDeals, unit: 'count' },
      { block: 'pipeline', metric: 'open_amount', value: money(pipeline.openAmount), unit: unitMoney },
      { block: 'pipeline', metric: 'open_weighted', value: money(pipeline.weighted), unit: unitMoney },
    );
    for (const row of pipeline.moves) {
      const label = t(`move.${row.move}`);
      if (!row.available) {
        rows.push({ block: 'pipeline', metric: row.move, label, details: t('needsHistory') });
        continue;
      }
      rows.push({
        block: 'pipeline',
        metric: row.move,
        label,
        value: row.count,
        unit: 'count',
        details: row.withoutAmount ? t('withoutAmount', { count: row.withoutAmount }) : undefined,
      });
      rows.push({ block: 'pipeline', metric: `${row.move}_amount`, label, value: money(row.amount), unit: unitMoney });
      for (const deal of row.deals) rows.push(dealRow(`pipeline_${row.move}`, deal, money, unitMoney, moveDetail(deal, w)));
    }
  }
  for (const deal of section.topOpen)
    rows.push(
      dealRow(
        'top_open',
        deal,
        money,
        unitMoney,
        [deal.stage, deal.expectedCloseAt === undefined ? undefined : t('closes', { date: w.date(deal.expectedCloseAt) })].filter(Boolean).join('; '),
      ),
    );
  const risk = section.atRisk;
  if (risk) {
    rows.push(
      { block: 'at_risk', metric: 'count', value: risk.count, unit: 'count' },
      { block: 'at_risk', metric: 'amount', value: money(risk.amount), unit: unitMoney },
    );
    for (const deal of risk.deals) rows.push(dealRow('at_risk', deal, money, unitMoney, riskReasons(deal, w)));
  }
  for (const day of section.chart) {
    rows.push({
      block: 'per_day',
      metric: day.date,
      label: w.weekday(day.start),
      value: day.call + day.email + day.meeting + day.other,
      unit: 'count',
      details: `call ${day.call}; email ${day.email}; meeting ${day.meeting}; other ${day.other}`,
    });
  }
  for (const entry of section.excluded) rows.push({ block: 'notes', metric: 'left_out', value: entry.count, unit: 'count', details: entry.reason });
  return rows;
}

function dealRow(block: string, deal: DealRef, money: (minor: number | undefined) => number | undefined, unit: string, details: string | undefined): Row {
  // Only http(s) links: the model refuses others, and a spreadsheet must not be handed anything else.
  const url = deal.url !== undefined && /^https?:\/\//i.test(deal.url) ? deal.url : undefined;
  return { block, metric: deal.id, label: deal.title, value: money(deal.amount), unit, details: [deal.owner, details].filter(Boolean).join('; '), url };
}

/** The forecast (money in major units, the chance 0–100), the coming week's plan and the deals to work. */
function outlookRows(outlook: SummaryOutlook, w: SummaryWords, money: (minor: number | undefined) => number | undefined, unit: string): Row[] {
  if (outlook.status !== 'ok') return [{ block: 'forecast', metric: 'none', details: outlookLines(outlook, w).join(' ') }];
  const { t } = w;
  const label = outlook.period.label;
  const { plan } = outlook;
  const rows: Row[] = [
    { block: 'forecast', metric: 'won_so_far', label, value: money(outlook.wonSoFar), unit },
    { block: 'forecast', metric: 'p10', label, value: money(outlook.p10), unit },
    { block: 'forecast', metric: 'p50', label, value: money(outlook.p50), unit },
    { block: 'forecast', metric: 'p90', label, value: money(outlook.p90), unit },
    {
      block: 'forecast',
      metric: 'probability_of_quota',
      label,
      value: outlook.probabilityOfQuota === null ? null : Math.round(outlook.probabilityOfQuota * 1000) / 10,
      target: money(outlook.quota ?? undefined),
      unit: '%',
    },
    {
      block: 'week_plan',
      metric: 'plan',
      label: t('comingWeek', { week: w.period(plan.week.start, plan.week.end) }),
      details: weekPlanLines(outlook, w).join(' '),
    },
    { block: 'week_plan', metric: 'deals_to_win', label, value: plan.dealsToWin, unit: 'count' },
    {
      block: 'week_plan',
      metric: 'deals_to_open',
      label,
      value: plan.dealsToOpen,
      unit: 'count',
      details: plan.openBy === null ? undefined : w.date(plan.openBy),
    },
    { block: 'week_plan', metric: 'working_days', label: plan.week.label, value: plan.week.workingDays, unit: 'days' },
    { block: 'week_plan', metric: 'calls', label: plan.week.label, value: plan.week.calls, unit: 'count' },
    { block: 'week_plan', metric: 'meetings', label: plan.week.label, value: plan.week.meetings, unit: 'count' },
  ];
  for (const deal of outlook.deals) rows.push(dealRow('deals_to_work', deal, money, unit, dealChance(deal, w)));
  return rows;
}

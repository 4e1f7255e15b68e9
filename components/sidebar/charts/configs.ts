import type { ChartConfiguration, ChartDataset } from 'chart.js';
import type { ChartRow, ChartsData } from '@/lib/views';
import type { I18n } from '../../common/i18n';
import { axisLabel, bucketLabel, countTick, moneyTick, plotted } from './axis';
import type { Palette } from './ChartFigure';

/*
 * The Chart.js configurations of the sidebar's charts, as pure functions of the data (tested as
 * such): value axes say what they count (the reporting currency, or whole numbers), side-axis
 * labels are wrapped so Chart.js never clips them, and the comparison period is drawn over a chart
 * when the view has one.
 */

type Words = Pick<I18n, 't' | 'money' | 'number' | 'locale' | 'timeZone'>;
export type MakeConfig = (colors: Palette) => ChartConfiguration;

const categoryTicks = (colors: Palette) => ({ color: colors.muted, maxRotation: 0, autoSkip: true });

function frame(colors: Palette, horizontal: boolean, valueTicks: object, legend: boolean) {
  // Side by side, money ticks ("150 тыс. $") need more room than stacked ones: fewer of them.
  const value = { ticks: { color: colors.muted, maxTicksLimit: horizontal ? 4 : 5, ...valueTicks }, grid: { color: colors.line }, beginAtZero: true };
  // Every group of a breakdown keeps its label (none skipped); a trend's dates may thin out.
  const category = { ticks: horizontal ? { ...categoryTicks(colors), autoSkip: false } : categoryTicks(colors), grid: { display: false } };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    indexAxis: horizontal ? ('y' as const) : ('x' as const),
    plugins: { legend: { display: legend, labels: { color: colors.text, boxWidth: 10, usePointStyle: true } } },
    scales: horizontal ? { x: value, y: category } : { x: category, y: value },
  };
}

/** The legend's name of the comparison period: its dates. */
export function comparedLabel(compare: ChartsData['compare'], i18n: Pick<I18n, 't' | 'date'>): string | undefined {
  return compare ? i18n.t('chart.compared', { from: i18n.date(compare.start), to: i18n.date(compare.end - 1) }) : undefined;
}

/** A breakdown (pipeline by stage, sales by region, product, contact method) as horizontal bars, the comparison beside each. */
export function breakdownConfig(
  rows: readonly ChartRow[],
  options: { label: string; measure: 'amount' | 'count'; currency: string; compared?: string; i18n: Words },
): MakeConfig {
  const { label, measure, currency, compared, i18n } = options;
  const amount = measure === 'amount';
  const overlay = compared !== undefined && amount && rows.some((row) => row.previous !== undefined);
  const shown = (minor: number, count: number) => (amount ? plotted(minor, currency) : count);
  return (colors) => {
    // With a comparison the legend tells the two bars apart: the chosen period, and the compared one.
    const datasets: ChartDataset<'bar'>[] = [
      {
        label: overlay ? i18n.t('chart.selected') : label,
        data: rows.map((row) => shown(row.value, row.count)),
        backgroundColor: colors.accent,
        pointStyle: 'rect',
      },
    ];
    if (overlay)
      datasets.push({ label: compared, data: rows.map((row) => plotted(row.previous ?? 0, currency)), backgroundColor: colors.muted, pointStyle: 'rect' });
    const base = frame(colors, true, { callback: amount ? moneyTick(i18n.locale, currency) : countTick(i18n.locale) }, overlay);
    return {
      type: 'bar',
      data: { labels: rows.map((row) => axisLabel(row.label)), datasets },
      options: {
        ...base,
        plugins: {
          ...base.plugins,
          tooltip: {
            callbacks: {
              title: (items) => rows[items[0]?.dataIndex ?? 0]?.label ?? '',
              label: (item) => {
                const row = rows[item.dataIndex];
                if (!row) return '';
                if (!amount) return i18n.t('count.deals', { count: row.count });
                return `${item.dataset.label ?? ''}: ${i18n.money(item.datasetIndex === 0 ? row.value : (row.previous ?? 0), currency)}`;
              },
            },
          },
        },
      },
    };
  };
}

const KINDS = ['call', 'email', 'meeting'] as const;
const KIND_KEYS = { call: 'activity.calls', email: 'activity.emails', meeting: 'activity.meetings' } as const;

/** Calls, emails and meetings stacked per day (week, month); the comparison period's totals as a dashed line. */
export function activityConfig(activity: ChartsData['activity'], options: { compared?: string; i18n: Words }): MakeConfig {
  const { compared, i18n } = options;
  const buckets = activity.buckets;
  const overlay = compared !== undefined && buckets.some((bucket) => bucket.previous !== undefined);
  return (colors) => {
    const bars = KINDS.map((kind, i) => ({
      type: 'bar' as const,
      stack: 'done',
      label: i18n.t(KIND_KEYS[kind]),
      data: buckets.map((bucket) => bucket[kind]),
      backgroundColor: [colors.accent, colors.good, colors.warn][i],
      pointStyle: 'rect' as const,
    }));
    const line = {
      type: 'line' as const,
      stack: 'compared',
      label: compared,
      data: buckets.map((bucket) => bucket.previous ?? null),
      borderColor: colors.text,
      backgroundColor: colors.text,
      borderDash: [4, 3],
      borderWidth: 1.5,
      pointRadius: 0,
      pointHitRadius: 6,
      pointStyle: 'line' as const,
    };
    const base = frame(colors, false, { callback: countTick(i18n.locale) }, true);
    return {
      type: 'bar',
      data: {
        labels: buckets.map((bucket) => bucketLabel(bucket.start, activity.unit, i18n.locale, i18n.timeZone)),
        datasets: overlay ? [...bars, line] : bars,
      },
      options: { ...base, scales: { x: { ...base.scales.x, stacked: true }, y: { ...base.scales.y, stacked: true } } },
    } as ChartConfiguration;
  };
}

/** Won revenue per month as bars, the quota as a line, on a money axis. */
export function wonConfig(months: ChartsData['wonVsQuota'], options: { currency: string; i18n: Words }): MakeConfig {
  const { currency, i18n } = options;
  return (colors) => {
    const base = frame(colors, false, { callback: moneyTick(i18n.locale, currency) }, true);
    return {
      type: 'bar',
      data: {
        labels: months.map((month) => bucketLabel(month.start, 'month', i18n.locale, i18n.timeZone)),
        datasets: [
          {
            type: 'bar',
            label: i18n.t('chart.won'),
            data: months.map((month) => plotted(month.won, currency)),
            backgroundColor: colors.accent,
            pointStyle: 'rect',
          },
          {
            type: 'line',
            label: i18n.t('chart.quota'),
            data: months.map((month) => (month.quota === null ? null : plotted(month.quota, currency))),
            borderColor: colors.warn,
            backgroundColor: colors.warn,
            pointStyle: 'line',
          },
        ],
      },
      options: {
        ...base,
        plugins: {
          ...base.plugins,
          tooltip: {
            callbacks: {
              label: (item) =>
                `${item.dataset.label ?? ''}: ${i18n.money(item.datasetIndex === 0 ? (months[item.dataIndex]?.won ?? 0) : (months[item.dataIndex]?.quota ?? 0), currency)}`,
            },
          },
        },
      },
    } as ChartConfiguration;
  };
}

import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import type { ChartRow, ChartsData } from '@/lib/views';
import { intlTag } from '@/lib/i18n';
import { useI18n, type I18n } from '../../common/i18n';
import { ChartFigure, type Palette } from './ChartFigure';

const KIND_KEYS = { call: 'activity.calls', email: 'activity.emails', meeting: 'activity.meetings' } as const;

function Table({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {head.map((cell, i) => (
            <th key={cell} scope="col" className={i ? 'num' : undefined}>
              {cell}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={i} className="num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Axis numbers in short form (12K, 1.2M) in the UI language, so labels never run into each other. */
const compact = (locale: string) => {
  const format = new Intl.NumberFormat(intlTag(locale === 'ru' ? 'ru' : 'en'), { notation: 'compact', maximumFractionDigits: 1 });
  return (value: string | number) => (typeof value === 'number' ? format.format(value) : value);
};

const baseOptions = (colors: Palette, locale: string, horizontal = false) => {
  const valueTicks = { color: colors.muted, maxTicksLimit: 5, callback: compact(locale) };
  const categoryTicks = { color: colors.muted, maxRotation: 0, autoSkip: true };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    indexAxis: horizontal ? ('y' as const) : ('x' as const),
    plugins: { legend: { labels: { color: colors.text, boxWidth: 10 } } },
    scales: {
      x: { ticks: horizontal ? valueTicks : categoryTicks, grid: { color: colors.line }, beginAtZero: true },
      y: { ticks: horizontal ? categoryTicks : valueTicks, grid: { color: colors.line }, beginAtZero: true },
    },
  };
};

function breakdownChart(rows: readonly ChartRow[], label: string, money: boolean, currency: string, i18n: I18n) {
  const major = (minor: number) => (money ? minor / 100 : minor);
  return (colors: Palette): ChartConfiguration => ({
    type: 'bar',
    data: { labels: rows.map((row) => row.label), datasets: [{ label, data: rows.map((row) => major(row.value)), backgroundColor: colors.accent }] },
    options: { ...baseOptions(colors, i18n.locale, true), plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => (money ? i18n.money(rows[item.dataIndex]?.value ?? 0, currency) : i18n.number(Number(item.raw))) } } } },
  });
}

/**
 * The sidebar's charts, each with its table: activity trend by day or week, won revenue by month
 * against quota, the pipeline by stage, and sales by region, product and contact method.
 */
export function Charts({ data, draw }: { data: ChartsData; draw: boolean }) {
  const i18n = useI18n();
  const { t, money, number } = i18n;
  const cur = data.currency;
  const trend = data.activity.buckets;
  const configs = useMemo(
    () => ({
      activity: (colors: Palette): ChartConfiguration => ({
        type: 'bar',
        data: {
          labels: trend.map((bucket) => bucket.label),
          datasets: (['call', 'email', 'meeting'] as const).map((kind, i) => ({ label: t(KIND_KEYS[kind]), data: trend.map((bucket) => bucket[kind]), backgroundColor: [colors.accent, colors.good, colors.warn][i] })),
        },
        options: { ...baseOptions(colors, i18n.locale), scales: { x: { stacked: true, ticks: { color: colors.muted, autoSkip: true, maxRotation: 0 }, grid: { display: false } }, y: { stacked: true, beginAtZero: true, ticks: { color: colors.muted, maxTicksLimit: 5 }, grid: { color: colors.line } } } },
      }),
      won: (colors: Palette): ChartConfiguration => ({
        type: 'bar',
        data: {
          labels: data.wonVsQuota.map((month) => month.label),
          datasets: [
            { type: 'bar', label: t('chart.won'), data: data.wonVsQuota.map((month) => month.won / 100), backgroundColor: colors.accent },
            { type: 'line', label: t('chart.quota'), data: data.wonVsQuota.map((month) => (month.quota === null ? null : month.quota / 100)), borderColor: colors.warn, backgroundColor: colors.warn },
          ],
        } as ChartConfiguration['data'],
        options: baseOptions(colors, i18n.locale),
      }),
      funnel: breakdownChart(data.funnel, t('pipeline.title'), true, cur, i18n),
      regions: breakdownChart(data.regions, t('chart.regions'), true, cur, i18n),
      products: breakdownChart(data.products, t('chart.products'), true, cur, i18n),
      channels: breakdownChart(data.channels, t('chart.channels'), true, cur, i18n),
    }),
    [data, trend, t, cur, i18n],
  );
  const rowsTable = (rows: readonly ChartRow[], caption: string) => (
    <Table caption={caption} head={[t('chart.group'), t('chart.amount'), t('chart.deals')]} rows={rows.map((row) => [row.label, money(row.value, cur), number(row.count)])} />
  );
  const empty = (rows: readonly unknown[]) => rows.length === 0;
  const breakdowns: { id: string; title: string; rows: readonly ChartRow[]; config: (colors: Palette) => ChartConfiguration }[] = [
    { id: 'chart-funnel', title: t('chart.funnel'), rows: data.funnel, config: configs.funnel },
    { id: 'chart-regions', title: t('chart.regions'), rows: data.regions, config: configs.regions },
    { id: 'chart-products', title: t('chart.products'), rows: data.products, config: configs.products },
    { id: 'chart-channels', title: t('chart.channels'), rows: data.channels, config: configs.channels },
  ];
  return (
    <section className="card charts" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('chart.title')}</h2>
      <ChartFigure
        id="chart-activity"
        title={t(data.activity.unit === 'day' ? 'chart.activityByDay' : data.activity.unit === 'week' ? 'chart.activityByWeek' : 'chart.activityByMonth')}
        summary={t('chart.activitySummary', { count: trend.reduce((sum, bucket) => sum + bucket.call + bucket.email + bucket.meeting, 0) })}
        config={configs.activity}
        draw={draw && !empty(trend)}
        table={<Table caption={t('chart.activityByDay')} head={[t('chart.when'), t('activity.calls'), t('activity.emails'), t('activity.meetings')]} rows={trend.map((bucket) => [bucket.label, bucket.call, bucket.email, bucket.meeting])} />}
      />
      <ChartFigure
        id="chart-won"
        title={t('chart.wonVsQuota')}
        summary={t('chart.wonSummary', { months: data.wonVsQuota.length })}
        config={configs.won}
        draw={draw}
        table={<Table caption={t('chart.wonVsQuota')} head={[t('chart.month'), t('chart.won'), t('chart.quota')]} rows={data.wonVsQuota.map((month) => [month.label, money(month.won, cur), month.quota === null ? '—' : money(month.quota, cur)])} />}
      />
      {breakdowns.map(({ id, title, rows, config }) =>
        empty(rows) ? (
          <p key={id} className="note">
            {t('chart.noData', { chart: title })}
          </p>
        ) : (
          <ChartFigure key={id} id={id} title={title} summary={t('chart.breakdownSummary', { chart: title, count: rows.length })} config={config} draw={draw} table={rowsTable(rows, title)} />
        ),
      )}
    </section>
  );
}

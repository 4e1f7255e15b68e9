import { useMemo } from 'react';
import type { ChartRow, ChartsData } from '@/lib/views';
import { useI18n } from '../../common/i18n';
import { axisLabel, bucketLabel } from './axis';
import { ChartFigure } from './ChartFigure';
import { activityConfig, breakdownConfig, comparedLabel, wonConfig, type MakeConfig } from './configs';
import { DataTable } from './DataTable';
import { SingleFigure } from './SingleFigure';

/** Room for every group's label (up to two lines) and its bars, so none is skipped or squeezed. */
function breakdownHeight(rows: readonly ChartRow[], previous: boolean): number {
  const lines = rows.reduce((sum, row) => sum + (Array.isArray(axisLabel(row.label)) ? 2 : 1), 0);
  return Math.max(130, 40 + (previous ? 10 : 0) * rows.length + 17 * Math.max(lines, rows.length * (previous ? 2 : 1)));
}

type Breakdown = { id: string; title: string; rows: readonly ChartRow[]; measure: 'amount' | 'count'; funnel: boolean };

/**
 * The sidebar's charts, each with its table: activity trend by day or week, won revenue by month
 * against quota, the pipeline by stage (funnel order), and sales by region, product and contact
 * method, with the comparison period drawn over them. A chart that would have one bar is shown as
 * its figure instead.
 */
export function Charts({ data, draw }: { data: ChartsData; draw: boolean }) {
  const i18n = useI18n();
  const { t, money, number, locale, timeZone } = i18n;
  const cur = data.currency;
  const trend = data.activity.buckets;
  const compared = comparedLabel(data.compare, i18n);
  const breakdowns: Breakdown[] = [
    { id: 'chart-funnel', title: t('chart.funnel'), rows: data.funnel, measure: data.funnelMeasure, funnel: true },
    { id: 'chart-regions', title: t('chart.regions'), rows: data.regions, measure: 'amount', funnel: false },
    { id: 'chart-products', title: t('chart.products'), rows: data.products, measure: 'amount', funnel: false },
    { id: 'chart-channels', title: t('chart.channels'), rows: data.channels, measure: 'amount', funnel: false },
  ];
  const configs = useMemo(
    () => ({
      activity: activityConfig(data.activity, { compared, i18n }),
      won: wonConfig(data.wonVsQuota, { currency: cur, i18n }),
      breakdowns: Object.fromEntries(
        breakdowns.map((b) => [b.id, breakdownConfig(b.rows, { label: b.title, measure: b.measure, currency: cur, compared, i18n })]),
      ) as Record<string, MakeConfig>,
    }),
    // The breakdowns are built from `data` and the words; the list itself is new on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [data, compared, cur, i18n],
  );
  const when = (start: number) => bucketLabel(start, data.activity.unit, locale, timeZone);
  const activityTitle = t(
    data.activity.unit === 'day' ? 'chart.activityByDay' : data.activity.unit === 'week' ? 'chart.activityByWeek' : 'chart.activityByMonth',
  );
  const hasPrevious = compared !== undefined && trend.some((bucket) => bucket.previous !== undefined);

  return (
    <section className="card charts" aria-labelledby="charts-title">
      <h2 id="charts-title">{t('chart.title')}</h2>
      {trend.every((bucket) => bucket.call + bucket.email + bucket.meeting + (bucket.previous ?? 0) === 0) ? (
        // Nothing done in the period nor in the compared one: a flat line at zero says less than these words.
        <p className="note">{t('chart.noData', { chart: activityTitle })}</p>
      ) : trend.length === 1 ? (
        <SingleFigure
          id="chart-activity"
          title={t('chart.activityOne', { when: when(trend[0]!.start) })}
          parts={[
            { name: t('activity.calls'), value: number(trend[0]!.call) },
            { name: t('activity.emails'), value: number(trend[0]!.email) },
            { name: t('activity.meetings'), value: number(trend[0]!.meeting) },
          ]}
          note={trend[0]!.previous !== undefined ? t('chart.comparedValue', { value: number(trend[0]!.previous) }) : undefined}
        />
      ) : (
        <ChartFigure
          id="chart-activity"
          title={activityTitle}
          summary={t('chart.activitySummary', { count: trend.reduce((sum, bucket) => sum + bucket.call + bucket.email + bucket.meeting, 0) })}
          config={configs.activity}
          draw={draw && trend.length > 0}
          table={
            <DataTable
              caption={activityTitle}
              head={[t('chart.when'), t('activity.calls'), t('activity.emails'), t('activity.meetings'), ...(hasPrevious ? [t('chart.comparedShort')] : [])]}
              rows={trend.map((bucket) => [when(bucket.start), bucket.call, bucket.email, bucket.meeting, ...(hasPrevious ? [bucket.previous ?? '—'] : [])])}
            />
          }
        />
      )}
      <ChartFigure
        id="chart-won"
        title={t('chart.wonVsQuota')}
        summary={t('chart.wonSummary', { months: data.wonVsQuota.length })}
        config={configs.won}
        draw={draw}
        table={
          <DataTable
            caption={t('chart.wonVsQuota')}
            head={[t('chart.month'), t('chart.won'), t('chart.quota')]}
            rows={data.wonVsQuota.map((month) => [
              bucketLabel(month.start, 'month', locale, timeZone),
              money(month.won, cur),
              month.quota === null ? '—' : money(month.quota, cur),
            ])}
          />
        }
      />
      {breakdowns.map((breakdown) => {
        const { id, title, rows, measure } = breakdown;
        const amount = measure === 'amount';
        const previous = compared !== undefined && amount && rows.some((row) => row.previous !== undefined);
        if (rows.length === 0) {
          return (
            <p key={id} className="note">
              {t('chart.noData', { chart: title })}
            </p>
          );
        }
        if (rows.length === 1) {
          const row = rows[0]!;
          return (
            <SingleFigure
              key={id}
              id={id}
              title={title}
              parts={[
                {
                  name: row.label,
                  value: amount ? `${money(row.value, cur)} · ${t('count.deals', { count: row.count })}` : t('count.deals', { count: row.count }),
                },
              ]}
              note={previous ? t('chart.comparedValue', { value: money(row.previous ?? 0, cur) }) : undefined}
            />
          );
        }
        const head = [t('chart.group'), ...(amount ? [t('chart.amount')] : []), t('chart.deals'), ...(previous ? [t('chart.comparedShort')] : [])];
        const table = rows.map((row) => [
          row.label,
          ...(amount ? [money(row.value, cur)] : []),
          number(row.count),
          ...(previous ? [money(row.previous ?? 0, cur)] : []),
        ]);
        return (
          <div key={id}>
            <ChartFigure
              id={id}
              title={title}
              summary={t(breakdown.funnel ? 'chart.funnelSummary' : 'chart.breakdownSummary', { chart: title, count: rows.length })}
              config={configs.breakdowns[id]!}
              draw={draw}
              table={<DataTable caption={title} head={head} rows={table} />}
              height={breakdownHeight(rows, previous)}
            />
            {!amount && <p className="note">{t('chart.funnelCounted')}</p>}
          </div>
        );
      })}
    </section>
  );
}

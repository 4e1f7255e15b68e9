import { useId } from 'react';
import type { SummaryWords, ChartDay } from '@/lib/export';
import { CHART_BOX, CHART_KINDS, chartLayout } from './chart-geometry';

/**
 * Done activities per day of the week, stacked by kind, with the daily target as a dashed line. An
 * inline SVG drawn here (no canvas), so it prints as sharply as the text around it.
 */
export function ActivityChart({ days, targetPerDay, words }: { days: readonly ChartDay[]; targetPerDay?: number; words: SummaryWords }) {
  const id = useId();
  const { t } = words;
  if (!days.length) return null;
  const layout = chartLayout(days, targetPerDay);
  const box = CHART_BOX;
  const described = days.map((day, i) => `${words.weekday(day.start)} ${words.num(layout.days[i]?.total ?? 0)}`).join(', ');
  const first = days[0] as ChartDay;
  const last = days[days.length - 1] as ChartDay;
  return (
    <figure className="summary-chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{t('chart')}</title>
        <desc id={`${id}-desc`}>{t('chartAlt', { from: words.date(first.start), to: words.date(last.start), days: described })}</desc>
        {layout.ticks.map((tick) => (
          <g key={tick} className="chart-tick">
            <line x1={box.left} x2={box.width - box.right} y1={layout.y(tick)} y2={layout.y(tick)} />
            <text x={box.left - 6} y={layout.y(tick) + 4} textAnchor="end">
              {words.num(tick)}
            </text>
          </g>
        ))}
        {layout.days.map((day, i) => (
          <g key={(days[i] as ChartDay).date} data-day={(days[i] as ChartDay).date} data-total={day.total}>
            {day.bars.map((bar) => (
              <rect key={bar.kind} className={`bar bar-${bar.kind}`} x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
            ))}
            <text className="chart-label" x={day.center} y={box.height - 8} textAnchor="middle">
              {words.weekday((days[i] as ChartDay).start)}
            </text>
          </g>
        ))}
        {layout.targetY !== undefined && <line className="chart-target" x1={box.left} x2={box.width - box.right} y1={layout.targetY} y2={layout.targetY} />}
      </svg>
      <figcaption className="chart-legend">
        {CHART_KINDS.map((kind) => (
          <span key={kind}>
            <span className={`swatch bar-${kind}`} aria-hidden="true" /> {t(`chart.${kind}`)}
          </span>
        ))}
        {layout.targetY !== undefined && (
          <span>
            <span className="swatch swatch-target" aria-hidden="true" /> {t('chart.target')}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

/** Geometry of the summary's daily activity chart: stacked bars per day and a target guide line, in SVG units. */
import type { ChartDay } from '@/lib/export';

export const CHART_KINDS = ['call', 'email', 'meeting', 'other'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export type ChartBox = { width: number; height: number; left: number; right: number; top: number; bottom: number };
export const CHART_BOX: ChartBox = { width: 420, height: 160, left: 34, right: 6, top: 10, bottom: 24 };

export type Bar = { kind: ChartKind; x: number; y: number; width: number; height: number; value: number };
export type ChartLayout = {
  max: number;
  ticks: number[];
  days: { x: number; center: number; total: number; bars: Bar[] }[];
  y: (value: number) => number;
  targetY?: number;
};

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value` (at least 1), so the axis reads in round numbers. */
export function niceCeiling(value: number): number {
  if (!(value > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

export function chartLayout(days: readonly ChartDay[], targetPerDay: number | undefined, box: ChartBox = CHART_BOX): ChartLayout {
  const totals = days.map((day) => day.call + day.email + day.meeting + day.other);
  const max = niceCeiling(Math.max(0, targetPerDay ?? 0, ...totals));
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const y = (value: number) => box.top + plotHeight - (value / max) * plotHeight;
  const slot = days.length ? plotWidth / days.length : plotWidth;
  const barWidth = slot * 0.62;
  const layout: ChartLayout = {
    max,
    ticks: [0, max / 2, max],
    y,
    days: days.map((day, i) => {
      const x = box.left + i * slot + (slot - barWidth) / 2;
      let base = 0;
      const bars: Bar[] = [];
      for (const kind of CHART_KINDS) {
        const value = day[kind];
        if (value > 0) bars.push({ kind, x, y: y(base + value), width: barWidth, height: y(base) - y(base + value), value });
        base += value;
      }
      return { x, center: x + barWidth / 2, total: totals[i] as number, bars };
    }),
  };
  if (targetPerDay !== undefined && targetPerDay > 0) layout.targetY = y(targetPerDay);
  return layout;
}

import { useEffect, useRef, type ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { useI18n } from '../../common/i18n';

/** Colours from the sidebar's theme (CSS variables), so charts follow light and dark. */
export type Palette = { accent: string; good: string; warn: string; muted: string; text: string; line: string };

function palette(): Palette {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: read('--accent', '#3552d8'),
    good: read('--good', '#1f7a4d'),
    warn: read('--warn', '#9a6200'),
    muted: read('--muted', '#5b6478'),
    text: read('--text', '#1b2233'),
    line: read('--line', '#dfe3ec'),
  };
}

export type ChartFigureProps = {
  id: string;
  title: string;
  /** What the chart shows, in a sentence, for screen readers (the table below has the numbers). */
  summary: string;
  config: (colors: Palette) => ChartConfiguration;
  /** False where there is no canvas (tests): only the table is shown. */
  draw: boolean;
  /** The same numbers as a table: the chart's accessible alternative. */
  table: ReactNode;
  /** The canvas's height in px (a breakdown grows with its groups); the stylesheet's otherwise. */
  height?: number;
};

/**
 * A chart and its table. Chart.js is imported here, lazily, when the first chart mounts (after the
 * pinned numbers are on screen), and the drawing waits for an idle moment.
 */
export function ChartFigure({ id, title, summary, config, draw, table, height }: ChartFigureProps) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!draw || !canvas.current) return;
    let chart: { destroy: () => void } | undefined;
    let cancelled = false;
    const target = canvas.current;
    const start = () =>
      void import('./chart-setup').then(({ Chart }) => {
        if (cancelled) return;
        chart = new Chart(target, config(palette()));
      });
    const idle = window.requestIdleCallback?.(start, { timeout: 500 }) ?? window.setTimeout(start, 50);
    return () => {
      cancelled = true;
      if (window.cancelIdleCallback) window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
      chart?.destroy();
    };
  }, [draw, config]);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {draw && (
        <div className="chart-canvas" style={height ? { height } : undefined}>
          <canvas ref={canvas} role="img" aria-label={summary} />
        </div>
      )}
      <details className="chart-table" open={!draw}>
        {/* Named after its chart: six "Show as table" would be one name for six different tables. */}
        <summary>
          {t('chart.table')}
          <span className="visually-hidden">{t('chart.tableOf', { chart: title })}</span>
        </summary>
        {table}
      </details>
    </figure>
  );
}

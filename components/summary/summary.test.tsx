import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summaryWords, fixtureSummary } from '@/lib/export';
import { I18nProvider } from '../common/i18n';
import { CHART_BOX, chartLayout, niceCeiling } from './chart-geometry';
import { summaryFileName } from './download';
import { SummaryReport } from './SummaryReport';

function show(locale: 'en' | 'ru' = 'en') {
  const summary = fixtureSummary();
  return render(
    <I18nProvider locale={locale} timeZone="UTC">
      <SummaryReport summary={summary} words={summaryWords(summary, locale)} />
    </I18nProvider>,
  );
}

describe('the printable summary report', () => {
  it('shows the figures with their values kept for tests and tools', () => {
    const { container } = show();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Weekly summary · Ann Lee · Week of Jun 5, 2017 – Jun 11, 2017'); // dates, never the ISO week code
    const value = (name: string) => container.querySelector(`[data-summary="${name}"]`)?.getAttribute('data-value');
    expect(value('activities.call')).toBe('45');
    expect(value('deals.wonAmount')).toBe('1200000');
    expect(value('pipeline.advanced')).toBe('1');
    expect(value('quota.week')).toBe('51.4');
    const calls = screen.getByRole('row', { name: /^Calls 45/ }); // not "Calls + emails + meetings"
    expect(within(calls).getByText('45 of 50')).toBeTruthy();
    expect(within(calls).getByText('at risk').className).toBe('status status-at-risk');
  });

  it('renders CRM text as text and links only through http(s) record URLs', () => {
    const { container } = show();
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(new Set(links)).toEqual(new Set(['https://crm.example/deals/1?x=(1)']));
    for (const a of container.querySelectorAll('a')) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    // The formula-looking title with a javascript: URL is plain text, not a link.
    const top = container.querySelector('[data-summary-list="topOpen"] [data-deal="d2"]')!;
    expect(top.querySelector('a')).toBeNull();
    expect(top.textContent).toContain('=HYPERLINK("http://evil")');
    // A title with a line break stays one text node: no markup is made from it.
    expect(container.querySelector('[data-deal="d1"] a')?.textContent).toBe('Acme | Big *deal*\nsecond line');
  });

  it('draws the chart as an SVG image with a text alternative', () => {
    show();
    const chart = screen.getByRole('img', { name: /Activities per day/ });
    expect(chart.querySelectorAll('g[data-day]')).toHaveLength(7);
    expect(chart.querySelector('desc')?.textContent).toBe(
      'Done activities per day, Jun 5, 2017 to Jun 11, 2017: Mon 10, Tue 20, Wed 15, Thu 30, Fri 6, Sat 0, Sun 0.',
    );
    expect(chart.querySelector('.chart-target')).not.toBeNull();
  });

  it('is in Russian for a Russian-speaking rep', () => {
    show('ru');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^Недельная сводка · Ann Lee · Неделя 5 июн\. 2017 г\. – 11 июн\. 2017 г\.$/);
    expect(screen.getByText('Движение воронки')).toBeTruthy();
  });
});

describe('chart geometry', () => {
  it('rounds the axis up to 1, 2 or 5 × 10ⁿ', () => {
    expect([0, 0.5, 1, 3, 30, 31, 73, 101, 4999].map(niceCeiling)).toEqual([1, 1, 1, 5, 50, 50, 100, 200, 5000]);
  });

  it('stacks each day by kind on a shared scale, with the target line', () => {
    const day = (call: number, email: number) => ({ date: '2017-06-05', start: 0, call, email, meeting: 0, other: 0 });
    const layout = chartLayout([day(30, 10), day(0, 0)], 73);
    const plotHeight = CHART_BOX.height - CHART_BOX.top - CHART_BOX.bottom; // 126
    expect(layout.max).toBe(100); // 73 (the target) rounds up to 100
    const [calls, emails] = layout.days[0]!.bars;
    expect(calls!.height).toBeCloseTo((30 / 100) * plotHeight, 9);
    expect(emails!.y + emails!.height).toBeCloseTo(calls!.y, 9); // emails sit on the calls
    expect(layout.days[1]!.bars).toEqual([]);
    expect(layout.targetY).toBeCloseTo(CHART_BOX.top + plotHeight - 0.73 * plotHeight, 9);
  });
});

describe('file names', () => {
  it('are safe on every file system and keep Cyrillic letters', () => {
    expect(summaryFileName('2017-W23', 'Sophie Walsh', 'csv')).toBe('kpi-lens-summary-2017-W23-sophie-walsh.csv');
    expect(summaryFileName('2017-W23', 'Анна / Смирнова: "x"', 'csv')).toBe('kpi-lens-summary-2017-W23-анна-смирнова-x.csv');
    expect(summaryFileName('2017-W23', '', 'csv')).toBe('kpi-lens-summary-2017-W23.csv');
  });
});

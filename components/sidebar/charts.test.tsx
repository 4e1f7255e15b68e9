import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartsData } from '@/lib/views';
import { Charts } from './charts/Charts';
import { renderPart } from './test-support';

const day = (d: number) => Date.UTC(2026, 10, d);
const data: ChartsData = {
  currency: 'USD',
  compare: { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 10, 1) },
  activity: {
    unit: 'day',
    buckets: [
      { label: '2026-11-16', start: day(16), call: 2, email: 0, meeting: 1, previous: 4 },
      { label: '2026-11-17', start: day(17), call: 0, email: 3, meeting: 0, previous: 0 },
    ],
  },
  wonVsQuota: [
    { label: '2026-10', start: Date.UTC(2026, 9, 1), won: 0, quota: null },
    { label: '2026-11', start: day(1), won: 400_000, quota: 800_000 },
  ],
  funnel: [
    { key: 's1', label: 'Qualified', value: 1_000_000, count: 4 },
    { key: 's2', label: 'Proposal', value: 2_000_000, count: 2 },
  ],
  funnelMeasure: 'amount',
  regions: [{ key: 'EMEA', label: 'EMEA', value: 250_000, count: 2, previous: 100_000 }],
  products: [],
  channels: [
    { key: 'referral', label: 'referral', value: 150_000, count: 1, previous: 0 },
    { key: 'inbound', label: 'inbound', value: 50_000, count: 1, previous: 70_000 },
  ],
};

const tableOf = (name: string) => {
  const figure = screen.getByRole('figure', { name });
  return within(figure)
    .getAllByRole('row')
    .map((row) =>
      within(row)
        .queryAllByRole('columnheader')
        .concat(within(row).queryAllByRole('rowheader'), within(row).queryAllByRole('cell'))
        .map((cell) => cell.textContent),
    );
};

describe('charts', () => {
  it('gives every chart a table with the same numbers, dates as dates and the compared period beside them', () => {
    renderPart(<Charts data={data} draw={false} />);
    expect(tableOf('Activities by day')).toEqual([
      ['When', 'Calls', 'Emails', 'Meetings', 'Compared'],
      ['Nov 16', '2', '0', '1', '4'],
      ['Nov 17', '0', '3', '0', '0'],
    ]);
    expect(tableOf('Won revenue by month against quota').slice(1)).toEqual([
      ['Oct 2026', '$0.00', '—'],
      ['Nov 2026', '$4,000', '$8,000'],
    ]);
    // Pipeline order as given (Qualified before the larger Proposal); the funnel has no compared column (a snapshot).
    expect(tableOf('Pipeline by stage')).toEqual([
      ['Group', 'Amount', 'Deals'],
      ['Qualified', '$10,000', '4'],
      ['Proposal', '$20,000', '2'],
    ]);
    expect(tableOf('Sales by contact method').slice(1)).toEqual([
      ['referral', '$1,500', '1', '$0.00'],
      ['inbound', '$500.00', '1', '$700.00'],
    ]);
    // No product data: said in words instead of an empty chart.
    expect(screen.getByText('Sales by product: no data for this period.')).toBeTruthy();
    // Without a canvas the tables are open, and no chart is drawn.
    expect(document.querySelector('canvas')).toBeNull();
    expect([...document.querySelectorAll('details')].every((details) => details.open)).toBe(true);
  });

  it('shows a breakdown of one group as its figure, not as a chart of one bar', () => {
    renderPart(<Charts data={data} draw={true} />);
    const regions = screen.getByRole('figure', { name: 'Sales by region' });
    expect(regions.querySelector('canvas')).toBeNull();
    expect(within(regions).queryByText('Show as table')).toBeNull();
    expect(within(regions).getByText('EMEA')).toBeTruthy();
    expect(within(regions).getByText('$2,500 · 2 deals')).toBeTruthy();
    expect(within(regions).getByText('compared period: $1,000')).toBeTruthy();
    // The charts of several bars are drawn.
    expect(screen.getByRole('figure', { name: 'Sales by contact method' }).querySelector('canvas')).not.toBeNull();
  });

  it('shows one day of activity as its figures', () => {
    renderPart(
      <Charts data={{ ...data, activity: { unit: 'day', buckets: [{ label: '2026-11-16', start: day(16), call: 5, email: 2, meeting: 1 }] } }} draw={true} />,
    );
    const figure = screen.getByRole('figure', { name: 'Nov 16: calls, emails and meetings' });
    expect(figure.querySelector('canvas')).toBeNull();
    expect([...figure.querySelectorAll('dt')].map((dt) => `${dt.textContent} ${dt.nextElementSibling?.textContent}`)).toEqual([
      'Calls 5',
      'Emails 2',
      'Meetings 1',
    ]);
  });

  it('names each "Show as table" after its chart, in both languages', () => {
    for (const locale of ['en', 'ru'] as const) {
      const { unmount } = renderPart(<Charts data={data} draw={true} />, { locale });
      const names = [...document.querySelectorAll('summary')].map((summary) => summary.textContent);
      expect(names.length).toBeGreaterThanOrEqual(4);
      expect(new Set(names).size).toBe(names.length);
      expect(names[0]).toBe(locale === 'en' ? 'Show as table: Activities by day' : 'Показать таблицей: Активности по дням');
      unmount();
    }
  });

  it('counts the deals of a funnel whose open deals have no amount, and says so', () => {
    renderPart(
      <Charts
        data={{
          ...data,
          funnelMeasure: 'count',
          funnel: [
            { key: 'Prospecting', label: 'Prospecting', value: 0, count: 500 },
            { key: 'Engaging', label: 'Engaging', value: 0, count: 1_589 },
          ],
        }}
        draw={false}
      />,
    );
    expect(tableOf('Pipeline by stage')).toEqual([
      ['Group', 'Deals'],
      ['Prospecting', '500'],
      ['Engaging', '1,589'],
    ]);
    expect(screen.getByText('No open deal has an amount: deals are counted.')).toBeTruthy();
  });

  it('says there is nothing to draw when no activity was done in the period nor in the compared one', () => {
    const zero = (d: number) => ({ label: '', start: day(d), call: 0, email: 0, meeting: 0, previous: 0 });
    renderPart(<Charts data={{ ...data, activity: { unit: 'day', buckets: [zero(1), zero(2), zero(3)] } }} draw={true} />);
    expect(screen.getByText('Activities by day: no data for this period.')).toBeTruthy();
    expect(screen.queryByRole('figure', { name: 'Activities by day' })).toBeNull();
  });
});

import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ChartsData } from '@/lib/views';
import { Charts } from './charts/Charts';
import { renderPart } from './test-support';

const data: ChartsData = {
  currency: 'USD',
  activity: { unit: 'day', buckets: [{ label: '2026-11-16', start: 1, call: 2, email: 0, meeting: 1 }, { label: '2026-11-17', start: 2, call: 0, email: 3, meeting: 0 }] },
  wonVsQuota: [{ label: '2026-10', start: 1, won: 0, quota: null }, { label: '2026-11', start: 2, won: 400_000, quota: 800_000 }],
  funnel: [{ key: 's1', label: 'Qualified', value: 1_000_000, count: 4 }],
  regions: [{ key: 'EMEA', label: 'EMEA', value: 250_000, count: 2 }],
  products: [],
  channels: [{ key: 'referral', label: 'referral', value: 150_000, count: 1 }],
};

const tableOf = (name: string) => {
  const figure = screen.getByRole('figure', { name });
  return within(figure).getAllByRole('row').map((row) => within(row).queryAllByRole('rowheader').concat(within(row).queryAllByRole('cell')).map((cell) => cell.textContent));
};

describe('charts', () => {
  it('gives every chart a table with the same numbers', () => {
    renderPart(<Charts data={data} draw={false} />);
    expect(tableOf('Activities by day').slice(1)).toEqual([
      ['2026-11-16', '2', '0', '1'],
      ['2026-11-17', '0', '3', '0'],
    ]);
    expect(tableOf('Won revenue by month against quota').slice(1)).toEqual([
      ['2026-10', '$0.00', '—'],
      ['2026-11', '$4,000', '$8,000'],
    ]);
    expect(tableOf('Pipeline by stage').slice(1)).toEqual([['Qualified', '$10,000', '4']]);
    expect(tableOf('Sales by region').slice(1)).toEqual([['EMEA', '$2,500', '2']]);
    expect(tableOf('Sales by contact method').slice(1)).toEqual([['referral', '$1,500', '1']]);
    // No product data: said in words instead of an empty chart.
    expect(screen.getByText('Sales by product: no data for this period.')).toBeTruthy();
    // Without a canvas the tables are open, and no chart is drawn.
    expect(document.querySelector('canvas')).toBeNull();
    expect([...document.querySelectorAll('details')].every((details) => details.open)).toBe(true);
  });
});

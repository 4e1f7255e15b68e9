import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { TeamResponse } from '@/lib/views';
import type { PinnedAnswer } from './pinned';
import { createSidebarStore } from './store';
import { SidebarStoreProvider } from './store-context';
import { HeatMap } from './HeatMap';
import { Leaderboard } from './Leaderboard';
import { TeamPanel } from './TeamPanel';
import { okResult } from './test-results';
import { renderPart, selection } from './test-support';

const period = { kind: 'month' as const, start: 0, end: 1, label: '2026-11' };
const heatMap = {
  unit: 'day' as const,
  buckets: [
    { label: '2026-11-16', start: 1 },
    { label: '2026-11-17', start: 2 },
  ],
  rows: [{ ownerId: 'ann', name: 'Ann Rep', counts: [2, 1] }],
};
const leadBoard: TeamResponse = {
  metric: 'wonAmount',
  unit: 'USD',
  reps: 3,
  viewerRank: 3,
  period,
  asOf: 0,
  peersHidden: false,
  teamName: 'North',
  rows: [
    { ownerId: 'bob', name: 'Bob Peer', rank: 1, value: 700_000, figures: {}, isViewer: false },
    { ownerId: 'ann', name: 'Ann Rep', rank: 2, value: 400_000, figures: {}, isViewer: false },
    { ownerId: 'lea', name: 'Lea Lead', rank: 3, value: 50_000, figures: {}, isViewer: true },
  ],
  total: 1_150_000,
  median: 400_000,
  heatMap,
};
/** What the background sends a rep who is not a lead, with peers' numbers off in this browser. */
const repBoard: TeamResponse = {
  metric: 'wonAmount',
  unit: 'USD',
  reps: 3,
  viewerRank: 2,
  period,
  asOf: 0,
  peersHidden: true,
  rows: [{ ownerId: 'ann', name: 'Ann Rep', rank: 2, value: 400_000, figures: {}, isViewer: true }],
  heatMap,
};

describe('leaderboard', () => {
  it('ranks the team with total and median, and opens a rep', () => {
    const onDrill = vi.fn();
    renderPart(<Leaderboard board={leadBoard} metric="wonAmount" onMetric={vi.fn()} onDrill={onDrill} />);
    const rows = screen
      .getAllByRole('row')
      .slice(1, 4)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .concat(within(row).getAllByRole('rowheader'))
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['1', '$7,000', 'Bob Peer'],
      ['2', '$4,000', 'Ann Rep'],
      ['3', '$500.00', 'Lea Lead'], // amounts under 1,000 keep their cents
    ]);
    expect(within(screen.getByRole('row', { name: /Team total/ })).getByText('$11,500')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Median/ })).getByText('$4,000')).toBeTruthy();
    expect(screen.getByText('You are #3 of 3')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open Bob Peer’s numbers' }));
    expect(onDrill).toHaveBeenCalledWith('bob', 'Bob Peer');
  });

  it('shows a rep their rank and their own row only, without totals or drill-downs', () => {
    renderPart(<Leaderboard board={repBoard} metric="wonAmount" onMetric={vi.fn()} onDrill={vi.fn()} />);
    expect(screen.getByText('You are #2 of 3')).toBeTruthy();
    expect(screen.getByText(/Peers’ numbers are off in this browser/)).toBeTruthy();
    // Not a lead's rule: the option is this browser's own (options, Sidebar).
    expect(screen.queryByText(/team lead/i)).toBeNull();
    expect(screen.getAllByRole('row')).toHaveLength(2); // header + own row
    expect(screen.queryByText(/Team total|Median/)).toBeNull();
    expect(screen.queryByRole('button', { name: /numbers/ })).toBeNull();
  });

  it('marks a rate on too few deals as a hint, not a standing', () => {
    const rates: TeamResponse = {
      ...leadBoard,
      metric: 'winRate',
      unit: '%',
      rows: [
        { ownerId: 'bob', name: 'Bob Peer', rank: 1, value: 100, figures: { closedDeals: 1 }, isViewer: false, lowSample: true },
        { ownerId: 'ann', name: 'Ann Rep', rank: 2, value: 40, figures: { closedDeals: 25 }, isViewer: false },
      ],
    };
    renderPart(<Leaderboard board={rates} metric="winRate" onMetric={vi.fn()} />);
    const bob = screen.getByRole('row', { name: /Bob Peer/ });
    expect(bob.className).toContain('low-sample');
    expect(within(bob).getByText('*')).toBeTruthy();
    expect(screen.getByRole('row', { name: /Ann Rep/ }).className).not.toContain('low-sample');
    expect(screen.getByText('* On too few deals to rank by: a hint, not a standing.')).toBeTruthy();
  });

  it('changes the ranking figure', () => {
    const onMetric = vi.fn();
    renderPart(<Leaderboard board={leadBoard} metric="wonAmount" onMetric={onMetric} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Rank by' }), { target: { value: 'winRate' } });
    expect(onMetric).toHaveBeenCalledWith('winRate');
  });

  it('reads the heat map as a table of reps by day', () => {
    renderPart(<HeatMap data={{ ...heatMap, rows: [...heatMap.rows, { ownerId: 'bob', name: 'Bob Peer', counts: [0, 4] }] }} />);
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Rep', '16', '17']);
    expect(
      within(within(table).getByRole('row', { name: /Bob Peer/ }))
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['0', '4']);
  });
});

describe('team panel with the background', () => {
  afterEach(() => fakeBrowser.reset());
  const noTargets = {
    call: { day: undefined, week: undefined, month: undefined },
    email: { day: undefined, week: undefined, month: undefined },
    meeting: { day: undefined, week: undefined, month: undefined },
  };
  const status = { source: selection.source, crm: 'crm', label: 'Acme CRM', records: 120, quarantined: 0, syncing: false };
  const pinned = (peersHidden: boolean): PinnedAnswer => ({
    pinned: {
      asOf: 0,
      timeZone: 'UTC',
      period,
      compare: null,
      activities: { day: undefined, week: undefined, month: undefined },
      quota: okResult('quotaAttainment', peersHidden ? 50 : 63.9, '%', { sales: 400_000, quota: 800_000 }),
      pipeline: okResult('pipelineValue', 400_000, 'USD'),
      dealsInPipeline: okResult('dealsInPipeline', 1, 'count'),
      others: [],
      results: {},
    },
    teamAvailable: true,
    peersHidden,
    canSeePeers: !peersHidden,
    activityTargets: noTargets,
    reportingCurrency: 'USD',
    status,
    ownerName: 'Ann Rep',
    display: { locale: 'en', theme: 'auto', timeZone: 'UTC', pinnedKpis: ['quotaAttainment'] },
  });

  it("for a rep without permission, shows the rep's own cards and rank and asks for nothing of the team's", async () => {
    const asked: { type: string; view?: string }[] = [];
    const answers: Record<string, unknown> = {
      'view/pinned': pinned(true),
      'view/team': repBoard,
      'view/insights': { atRisk: { status: 'unavailable', reason: 'x' }, lapse: { status: 'needs-data', reason: 'x' }, asOf: 0 },
      'view/charts': {
        currency: 'USD',
        activity: { unit: 'day', buckets: [] },
        wonVsQuota: [],
        funnel: [],
        regions: [],
        products: [],
        channels: [],
        period,
        asOf: 0,
      },
      'status/get': { sources: [status] },
    };
    fakeBrowser.runtime.onMessage.addListener((message: { type: string; view?: string }, _sender, reply) => {
      asked.push(message);
      reply({ ok: true, value: answers[message.type] });
      return true;
    });
    // The CRM's sidebar is in the team view (the state the content script and the sidebar share).
    await fakeBrowser.storage.local.set({ 'ui:crm': { view: 'team' } });
    const store = createSidebarStore({ source: selection.source, surface: 'frame' });
    renderPart(
      <SidebarStoreProvider store={store}>
        <TeamPanel />
      </SidebarStoreProvider>,
    );
    await screen.findByText('You are #2 of 3');
    expect(screen.getByText('50%')).toBeTruthy(); // the rep's own attainment
    expect(screen.queryByRole('heading', { name: /Team North/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Activities by rep and day' })).toBeNull();
    // In the team view only its pinned numbers and the board are asked; the rep's own charts are asked for the personal view.
    await screen.findByRole('heading', { name: 'Charts' });
    expect(asked.filter((message) => message.view === 'team').map((message) => message.type)).toEqual(['view/pinned', 'view/team']);
    expect(asked.some((message) => message.type === 'view/charts' && message.view === 'personal')).toBe(true);
    expect(asked.some((message) => message.type === 'view/insights')).toBe(false);
  });
});

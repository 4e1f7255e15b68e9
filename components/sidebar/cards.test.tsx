import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../common/i18n';
import { ActivityCard } from './ActivityCard';
import { KpiCard } from './KpiCard';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';
import { Sidebar, type SidebarProps } from './Sidebar';
import { lowSampleResult, needsData, okResult } from './test-results';
import { renderPart, selection } from './test-support';

const wrap = (node: React.ReactNode, locale: 'en' | 'ru' = 'en') =>
  render(
    <I18nProvider locale={locale} timeZone="UTC">
      {node}
    </I18nProvider>,
  );
const noTargets = {
  call: { day: undefined, week: undefined, month: undefined },
  email: { day: undefined, week: undefined, month: undefined },
  meeting: { day: undefined, week: undefined, month: undefined },
};

describe('sidebar cards', () => {
  it('shows calls, emails and meetings for today, week and month against targets', () => {
    const counts = {
      day: okResult('activityCounts', 9, 'count', { call: 5, email: 3, meeting: 1 }),
      week: okResult('activityCounts', 60, 'count', { call: 30, email: 25, meeting: 5 }),
      month: okResult('activityCounts', 200, 'count', { call: 120, email: 70, meeting: 10 }),
    };
    const targets = { ...noTargets, call: { day: 40, week: 200, month: 840 } };
    const { container } = wrap(<ActivityCard counts={counts} targets={targets} />);
    const callsRow = screen.getByRole('row', { name: /Calls/ });
    expect(
      within(callsRow)
        .getAllByRole('cell')
        .map((cell) => cell.querySelector('.figure')?.textContent),
    ).toEqual(['5', '30', '120']);
    expect(within(callsRow).getByText('target 40')).toBeTruthy();
    // 5 calls against 40 today is behind; emails have no target, so nothing to be behind of.
    expect(container.querySelectorAll('td.behind')).toHaveLength(3);
    expect(container.querySelector('[data-kpi="activity.meeting.month"]')?.getAttribute('data-value')).toBe('10');
  });

  it('labels each activity window with its dates, so a week that started last month can hold more than the month (en, ru)', () => {
    // Sunday 6 Dec 2026: today; the week Mon 30 Nov – Sun 6 Dec; December so far. 52 calls this week, 40 in December.
    const on = (start: number, end: number, calls: number) => ({
      ...okResult('activityCounts', calls, 'count', { call: calls }),
      period: { start, end, label: 'engine label' },
    });
    const counts = {
      day: on(Date.UTC(2026, 11, 6), Date.UTC(2026, 11, 7), 0),
      week: on(Date.UTC(2026, 10, 30), Date.UTC(2026, 11, 7), 52),
      month: on(Date.UTC(2026, 11, 1), Date.UTC(2027, 0, 1), 40),
    };
    // A Sunday has no working day: its target is 0 (lib/views/targets.ts), which reads as a day off, never as behind.
    const targets = { ...noTargets, call: { day: 0, week: 50, month: 230 } };
    const { container, unmount } = wrap(<ActivityCard counts={counts} targets={targets} />);
    const heads = screen.getAllByRole('columnheader').map((th) => th.textContent?.replace(/\s/g, ' '));
    expect(heads.slice(1)).toEqual(['TodaySun, Dec 6', 'WeekNov 30 – Dec 6', 'MonthDec 1 – 31']);
    const callsRow = screen.getByRole('row', { name: /Calls/ });
    expect(within(callsRow).getByText('not a working day')).toBeTruthy();
    expect(container.querySelector('[data-kpi="activity.call.day"]')?.closest('td')?.className).not.toContain('behind');
    expect(screen.queryByText('engine label')).toBeNull();
    unmount();
    wrap(<ActivityCard counts={counts} targets={targets} />, 'ru');
    expect(
      screen
        .getAllByRole('columnheader')
        .map((th) => th.textContent?.replace(/\s/g, ' '))
        .slice(1),
    ).toEqual(['Сегоднявс, 6 дек.', 'Неделя30 нояб. – 6 дек.', 'Месяц1–31 дек.']);
    expect(screen.getByText('нерабочий день')).toBeTruthy();
  });

  it('says where the rep should be in working days (en, ru)', () => {
    // Sunday night, 6 Dec: 4 of December's 23 working days are done (1–4 Dec): 4 ÷ 23 = 17.4 % of the quota is due.
    const result = okResult('quotaAttainment', 20, '%', {
      sales: 2_000_000,
      quota: 10_000_000,
      expectedPct: (4 / 23) * 100,
      workingDays: 23,
      workingDaysElapsed: 4,
    });
    const { unmount } = renderPart(<QuotaCard result={result} currency="USD" selection={selection} />);
    expect(screen.getByText('Where you should be after 4 of 23 working days: 17.4%')).toBeTruthy();
    unmount();
    renderPart(<QuotaCard result={result} currency="USD" selection={selection} />, { locale: 'ru' });
    expect(screen.getByText(/^По плану после 4 из 23 рабочих дней: 17,4\s?%$/)).toBeTruthy();
  });

  it('shows quota attainment with pace, projection, status and the change', () => {
    const result = okResult(
      'quotaAttainment',
      62.5,
      '%',
      { sales: 6_250_000, quota: 10_000_000, expectedPct: 70, projectedPct: 89.3 },
      { target: { value: 10_000_000, status: 'at-risk' }, previous: { value: 50, change: 12.5, unit: 'pp' } },
    );
    renderPart(<QuotaCard result={result} currency="USD" selection={selection} />);
    expect(screen.getByText('62.5%')).toBeTruthy();
    expect(screen.getByText('$62,500 of $100,000')).toBeTruthy();
    expect(screen.getByText('Where you should be today: 70%')).toBeTruthy();
    expect(screen.getByText('Projected at period end: 89.3%')).toBeTruthy();
    expect(screen.getByText('At risk')).toBeTruthy();
    // 62.5 % against 50 % the month before: +12.5 percentage points (not +25 %), good news for attainment.
    expect(screen.getByText('+12.5 pp vs previous period').className).toContain('change-good');
    expect(screen.getByRole('meter').getAttribute('aria-valuenow')).toBe('63');
  });

  it('says what is missing and what to do when there is no quota', () => {
    wrap(<QuotaCard result={needsData('quotaAttainment', ['quotas'])} currency="USD" />);
    expect(screen.getByText('Needs data: quotas')).toBeTruthy();
    expect(screen.getByText(/Enter a quota in Options → Targets/)).toBeTruthy();
  });

  it('shows total and weighted pipeline with the open deal count, in Russian too', () => {
    const pipeline = okResult('pipelineValue', 12_345_600, 'USD', { weighted: 4_000_000 });
    const deals = okResult('dealsInPipeline', 21, 'count');
    wrap(<PipelineCard pipeline={pipeline} deals={deals} />, 'ru');
    expect(screen.getByText('Воронка')).toBeTruthy();
    expect(screen.getByText('21 открытая сделка')).toBeTruthy();
    expect(document.querySelector('[data-kpi="pipeline.total"]')?.textContent?.replace(/\s/g, ' ')).toBe('123 456 $');
  });

  it('shows any pinned KPI with a rising churn in red, and its pin and explain buttons', () => {
    // Churn 6 % against 4 % before: +2 pp, bad news since lower churn is better.
    const churn = okResult('churn', 6, '%', {}, { previous: { value: 4, change: 2, unit: 'pp' } });
    const { actions } = renderPart(<KpiCard id="churn" result={churn} selection={selection} />, { actions: { pinned: ['churn'] } });
    expect(screen.getByRole('heading', { name: 'Churn' })).toBeTruthy();
    expect(screen.getByText('6%')).toBeTruthy();
    expect(screen.getByText('+2 pp vs previous period').className).toContain('change-bad');
    fireEvent.click(screen.getByRole('button', { name: 'Unpin Churn' }));
    expect(actions.togglePin).toHaveBeenCalledWith('churn');
    fireEvent.click(screen.getByRole('button', { name: 'How is “Churn” computed?' }));
    expect(actions.explain).toHaveBeenCalledWith(expect.objectContaining({ kpi: 'churn', result: churn, selection }));
  });
});

describe('sidebar cards on a period in progress and small samples', () => {
  // 1–6 Nov 2026 in UTC, as the engine stamps a comparison for a month in progress on 6 Dec.
  const comparison = { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 10, 6, 14) + 1, label: '2026-11' };
  const span = { start: Date.UTC(2026, 11, 1), end: Date.UTC(2026, 11, 6, 14) + 1 };

  it('shows a low-sample rate muted, with its n, and its change without red or green, against the same days', () => {
    const rate = lowSampleResult(
      'winRate',
      66.7,
      '%',
      { n: 3, min: 10, unit: 'closedDeals' },
      { partial: true, span, comparison, previous: { value: 50, change: 16.7, unit: 'pp' } },
    );
    renderPart(<KpiCard id="winRate" result={rate} selection={selection} />);
    expect(document.querySelector('.headline')?.className).toContain('low-sample');
    expect(screen.getByText('Only 3 closed deals: too few for a trend (minimum 10).')).toBeTruthy();
    const change = screen.getByText('+16.7 pp vs Nov 1 – 6: too few to read a trend');
    expect(change.className).toContain('change-muted');
    expect(change.className).not.toMatch(/change-(good|bad)/);
  });

  it('labels the comparison of a period in progress with its days, in Russian too', () => {
    const created = okResult('opportunitiesCreated', 12, 'count', {}, { partial: true, span, comparison, previous: { value: 10, change: 20, unit: '%' } });
    renderPart(<KpiCard id="opportunitiesCreated" result={created} selection={selection} />, { locale: 'ru' });
    expect(screen.getByText(/^\+20\s?% к 1–6 нояб\.$/).className).toContain('change-good');
  });

  it('says what sales growth compares with: the same days while the period runs', () => {
    const growth = okResult('salesGrowth', -50, '%', { current: 100, previous: 200 }, { partial: true, span, comparison });
    renderPart(<KpiCard id="salesGrowth" result={growth} selection={selection} />);
    expect(screen.getByText('vs Nov 1 – 6')).toBeTruthy();
  });

  it('says how many open deals have an amount, and that a pipeline from list prices is an estimate', () => {
    const partialAmounts = okResult(
      'pipelineValue',
      1_000_000,
      'USD',
      { weighted: 400_000 },
      { coverage: { have: 31, of: 40, what: 'open deals with an amount' } },
    );
    const { unmount } = wrap(<PipelineCard pipeline={partialAmounts} deals={undefined} />);
    expect(screen.getByText('31 of 40 open deals have an amount.')).toBeTruthy();
    unmount();
    const estimate = okResult(
      'pipelineValue',
      2_000_000,
      'USD',
      {},
      {
        method: 'list-price-estimate',
        notes: [{ code: 'list-price-estimate', count: 5, text: '' }],
        coverage: { have: 5, of: 6, what: 'open deals with an amount or a list price' },
      },
    );
    wrap(<PipelineCard pipeline={estimate} deals={undefined} />, 'ru');
    expect(screen.getByText('Оценка: ни у одной открытой сделки нет суммы, поэтому взяты цены по прайсу товаров в 5 сделках.')).toBeTruthy();
    expect(screen.getByText('Сумма или цена по прайсу есть у 5 из 6 открытых сделок.')).toBeTruthy();
  });

  it('keeps the numbers of a low-sample quota but judges nothing', () => {
    const result = lowSampleResult(
      'quotaAttainment',
      57,
      '%',
      { n: 1, min: 5, unit: 'wonDeals' },
      { parts: { sales: 5_700_000, quota: 10_000_000, projectedPct: 204 }, target: { value: 10_000_000, status: 'on-track' } },
    );
    renderPart(<QuotaCard result={result} currency="USD" selection={selection} />);
    expect(screen.getByText('57%')).toBeTruthy();
    expect(screen.getByText('Projected at period end: 204%').closest('p')?.className).toContain('muted');
    expect(screen.getByText('Only 1 won deal: too few for a trend (minimum 5).')).toBeTruthy();
    expect(screen.queryByText('On track')).toBeNull();
  });
});

describe('sidebar', () => {
  const base: SidebarProps = {
    ui: { open: true, width: 360, view: 'personal', period: 'month' },
    onUiChange: vi.fn(),
    prefs: { compare: 'previous', metric: 'wonAmount' },
    onPrefs: vi.fn(),
    response: undefined,
    status: { records: 0, quarantined: 0, syncing: false },
    hasData: false,
    pinned: ['activityCounts', 'quotaAttainment', 'pipelineValue'],
    onTogglePin: vi.fn(),
    onExploreDemo: vi.fn(),
    onExportSummary: vi.fn(),
    drawCharts: false,
  };
  const empty = {
    pinned: null,
    teamAvailable: true,
    peersHidden: false,
    canSeePeers: false,
    activityTargets: noTargets,
    reportingCurrency: 'USD',
    status: null,
    display: { locale: 'en' as const, theme: 'auto' as const, timeZone: 'UTC', pinnedKpis: [] },
  };

  it('offers the demo data when there is nothing yet', () => {
    const onExploreDemo = vi.fn();
    wrap(<Sidebar {...base} response={empty} onExploreDemo={onExploreDemo} />);
    fireEvent.click(screen.getByRole('button', { name: 'Explore with demo data' }));
    expect(onExploreDemo).toHaveBeenCalledOnce();
  });

  it('has stable accessible names for the view switch, the period picker, the comparison and the summary export', () => {
    const onUiChange = vi.fn();
    const onPrefs = vi.fn();
    const onExportSummary = vi.fn();
    wrap(<Sidebar {...base} response={empty} onUiChange={onUiChange} onPrefs={onPrefs} onExportSummary={onExportSummary} />);
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'View' })).getByRole('radio', { name: 'Team' }));
    expect(onUiChange).toHaveBeenCalledWith({ view: 'team' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Period' }), { target: { value: 'quarter' } });
    expect(onUiChange).toHaveBeenCalledWith({ period: 'quarter' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Compare with' }), { target: { value: 'last-year' } });
    expect(onPrefs).toHaveBeenCalledWith({ compare: 'last-year' });
    fireEvent.click(screen.getByRole('button', { name: 'Export weekly summary' }));
    expect(onExportSummary).toHaveBeenCalledOnce();
  });

  it('asks for custom dates and refuses a backwards range', () => {
    const onPrefs = vi.fn();
    wrap(<Sidebar {...base} response={empty} ui={{ ...base.ui, period: 'custom' }} onPrefs={onPrefs} />);
    const apply = screen.getByRole('button', { name: 'Apply' });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-10' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-01' } });
    expect(screen.getByRole('alert').textContent).toContain('must end on or after');
    expect((apply as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-20' } });
    fireEvent.click(apply);
    expect(onPrefs).toHaveBeenCalledWith({ range: { from: '2026-11-10', to: '2026-11-20' } });
  });

  it('shows sync progress, the quarantine count and what to do about a problem', () => {
    wrap(
      <Sidebar
        {...base}
        hasData
        status={{
          records: 500,
          quarantined: 2,
          syncing: true,
          progress: { object: 'deals', records: 500, objectIndex: 3, objectCount: 10 },
          problem: { message: 'Pipedrive refused the credentials (HTTP 401)', userAction: 'Sign in to Pipedrive again.' },
        }}
      />,
    );
    expect(screen.getByText('Syncing deals… 500 records')).toBeTruthy();
    expect(screen.getByText('2 records could not be read')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Sign in to Pipedrive again.');
    expect((screen.getByRole('progressbar') as HTMLProgressElement).value).toBe(3);
  });
});

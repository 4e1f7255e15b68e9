import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { forecast, type ForecastResult, type Plan } from '@/lib/forecast';
import { simulateCrm, T0 } from '../../../lib/forecast/test-support';
import { DAY_MS as DAY, periodContaining } from '@/lib/period';
import { leanForecast, type ForecastShown, type TrackResponse } from '@/lib/views';
import { makeI18n } from '../../common/i18n';
import { renderPart, selection } from '../test-support';
import { DealsCard } from './DealsCard';
import { ForecastCard } from './ForecastCard';
import { ForecastExplainPanel } from './ForecastExplainPanel';
import { PlanCard } from './PlanCard';

const CAL = { timeZone: 'UTC', weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
const { data } = simulateCrm({ seed: 7, reps: 4, days: 450, activities: true, stages: true });
// Deals as a CRM gives them, with their record links; one link is not http(s) and must never become one.
const deals = data.deals.map((deal, i) => ({ ...deal, url: i % 2 ? `https://acme.pipedrive.com/deal/${deal.externalId}` : 'javascript:alert(1)' }));
const PERIOD = periodContaining('month', T0 + 420 * DAY, CAL);
const AS_OF = PERIOD.start + 15 * DAY - 1;
const made = forecast({
  data: { ...data, deals },
  period: PERIOD,
  asOf: AS_OF,
  scope: { ownerIds: 'all' },
  calendar: CAL,
  currency: { reporting: 'USD', rates: {} },
  quota: 40_000_000,
});
if (made.status !== 'ok') throw new Error('the simulated CRM should forecast');
const full: ForecastResult = made;
const shown = leanForecast(full) as ForecastShown;
const response = { ...shown, view: 'personal' as const, peersHidden: false };

const track: TrackResponse = {
  currency: 'USD',
  periods: [1, 2, 3, 4, 5, 6].map((n) => ({
    label: `M${n}`,
    asOf: n,
    p10: 100_00,
    p50: 200_00,
    p90: 300_00,
    actual: n === 3 ? 900_00 : 150_00,
    inside: n !== 3,
  })),
  forecast: 6,
  inside: 5,
  coverage: 5 / 6,
  medianAbsError: 50_00,
  medianRelativeError: 0.3,
  explain: { ...shown.explain.range, deals: 0 },
};
const monthly = { ...selection, period: 'month' as const };

describe('the forecast card', () => {
  it('shows the range, P50, won so far, the chance of the quota and the track record in words (en)', () => {
    const { actions } = renderPart(<ForecastCard forecast={response} track={track} selection={monthly} />);
    const card = screen.getByRole('region', { name: 'Forecast' });
    const p10 = card.querySelector('[data-kpi="forecast.p10"]') as HTMLElement;
    expect(p10.dataset.value).toBe(String(full.revenue.p10));
    expect(p10.textContent).toBe(makeI18n('en', 'UTC').money(full.revenue.p10, 'USD'));
    expect((card.querySelector('[data-kpi="forecast.p90"]') as HTMLElement).dataset.value).toBe(String(full.revenue.p90));
    expect((card.querySelector('[data-kpi="forecast.p50"]') as HTMLElement).dataset.value).toBe(String(full.revenue.p50));
    expect((card.querySelector('[data-kpi="forecast.wonSoFar"]') as HTMLElement).dataset.value).toBe(String(full.wonSoFar.amount));
    expect((card.querySelector('[data-kpi="forecast.probabilityOfQuota"]') as HTMLElement).dataset.value).toBe(String(full.probabilityOfQuota));
    expect(within(card).getByText(/of reaching \$400,000/)).toBeTruthy();
    // 6 past months forecast, 5 inside their range.
    expect(within(card).getByText('For you, the last 6 months: inside the range 5 times of 6')).toBeTruthy();
    fireEvent.click(card.querySelector('[data-explain="probabilityOfQuota"]') as HTMLElement);
    expect(actions.explainForecast).toHaveBeenCalledWith(expect.objectContaining({ id: 'probabilityOfQuota', explain: shown.explain.probabilityOfQuota }));
  });

  it('speaks Russian, with Russian plurals, and says when no quota is set', () => {
    renderPart(<ForecastCard forecast={{ ...response, quota: null, probabilityOfQuota: null }} track={{ ...track, inside: 2 }} selection={monthly} />, {
      locale: 'ru',
    });
    const card = screen.getByRole('region', { name: 'Прогноз' });
    // 6 → "месяцев" (many), 2 → "раза" (few).
    expect(within(card).getByText('У вас за последние 6 месяцев: в диапазоне 2 раза из 6')).toBeTruthy();
    expect(within(card).getByText('План на этот период не задан: вероятность его выполнить не посчитать.')).toBeTruthy();
  });

  it('says what it needs when it cannot forecast', () => {
    renderPart(
      <ForecastCard
        forecast={{ status: 'needs-data', period: shown.period, asOf: AS_OF, missing: ['history'], notes: [], view: 'personal', peersHidden: false }}
        track={undefined}
        selection={selection}
      />,
    );
    expect(screen.getByText('Not enough history to forecast this period yet.')).toBeTruthy();
  });
});

const input = (value: number | null, status: 'ok' | 'low-sample' | 'missing', n: number, min?: number) => ({
  value,
  unit: 'rate' as const,
  n,
  status,
  ...(min !== undefined ? { min } : {}),
});
const step = (value: number | null) => ({ value, unit: 'count' as const, arithmetic: '' });

/** A plan as lib/forecast gives it: gap $186,000, average won deal $46,500 → 4 deals; 28 % win rate, 34-day cycle → open 14. */
function plan(over: Partial<Plan> = {}): Plan {
  return {
    status: 'plan',
    quota: 250_000_00,
    wonSoFar: 64_000_00,
    gap: 186_000_00,
    inputs: {
      averageWonDeal: input(46_500_00, 'ok', 20),
      winRate: input(0.28, 'ok', 43),
      salesCycleDays: input(34, 'ok', 12),
      callsPerNewDeal: input(6, 'ok', 30),
      meetingsPerNewDeal: input(1.2, 'ok', 30),
      expectedPipelineWins: input(0, 'ok', 0),
      expectedPipelineAmount: input(0, 'ok', 0),
    },
    steps: {
      dealsToWin: step(4),
      newDealsToWin: step(4),
      dealsToOpen: step(15), // ⌈4 ÷ 0.28⌉ = ⌈14.3⌉ = 15
      openBy: { ...step(Date.UTC(2026, 11, 12)), unit: 'date' },
      workingDaysToOpen: step(10),
      callsNeeded: step(90), // 15 × 6
      meetingsNeeded: step(18), // 15 × 1.2
      callsPerDay: step(9), // 90 ÷ 10
      meetingsPerDay: step(1.8), // 18 ÷ 10
    },
    missing: [],
    notes: [],
    ...over,
  };
}

describe('the plan card', () => {
  it('reads like the issue: win, open by, calls and meetings a day, working days left', () => {
    renderPart(<PlanCard shown={{ ...shown, plan: plan() }} selection={selection} />);
    const card = screen.getByRole('region', { name: 'Plan to quota' });
    expect(
      within(card).getByText(
        'To reach $250,000: win 4 more deals; at your 28% win rate and 34-day cycle, open 15 deals by Dec 12, 2026; that is 9 calls and 1.8 meetings a day',
      ),
    ).toBeTruthy();
    expect(within(card).getByText(/\$186,000 to go/)).toBeTruthy();
    expect(within(card).getByText(/10 working days left to open them/)).toBeTruthy();
  });

  it('says it is too late to open deals once the open-by date has passed, instead of naming a past date', () => {
    const late = plan({
      steps: {
        ...plan().steps,
        openBy: { ...step(Date.UTC(2026, 10, 9)), unit: 'date' },
        workingDaysToOpen: step(0),
        callsPerDay: {
          ...step(null),
          why: 'no-working-day',
          whyText: { en: 'No working day left before the open-by date', ru: 'До крайней даты открытия не осталось рабочих дней' },
        },
        meetingsPerDay: {
          ...step(null),
          why: 'no-working-day',
          whyText: { en: 'No working day left before the open-by date', ru: 'До крайней даты открытия не осталось рабочих дней' },
        },
      },
      notes: [{ code: 'too-late-to-open', text: { en: '', ru: '' }, params: { days: 52 } }],
    });
    const { unmount } = renderPart(<PlanCard shown={{ ...shown, plan: late }} selection={selection} />);
    const card = screen.getByRole('region', { name: 'Plan to quota' });
    expect(
      within(card).getByText('To reach $250,000: win 4 more deals; too late to open deals that close this period on your 52-day cycle: win from the open ones'),
    ).toBeTruthy();
    expect(card.textContent).not.toMatch(/Nov 9|working days? left|No working day/);
    expect(within(card).getByText('$186,000 to go')).toBeTruthy();
    unmount();
    renderPart(<PlanCard shown={{ ...shown, plan: late }} selection={selection} />, { locale: 'ru' });
    expect(screen.getByText(/уже поздно при вашем цикле в 52 дн\.: выигрывайте из открытых$/)).toBeTruthy();
  });

  it('names inputs that are missing or low-sample instead of guessing them, in English and Russian', () => {
    const thin = plan({
      status: 'incomplete',
      inputs: { ...plan().inputs, winRate: input(0.5, 'low-sample', 4, 10), callsPerNewDeal: input(null, 'missing', 0) },
      steps: {
        ...plan().steps,
        dealsToOpen: { ...step(null), why: 'needs-win-rate', whyText: { en: 'Needs your win rate', ru: 'Нужна ваша доля выигранных сделок' } },
        callsPerDay: step(null),
        meetingsPerDay: step(null),
        openBy: step(null),
      },
      missing: [
        { input: 'winRate', status: 'low-sample', n: 4, min: 10 },
        { input: 'callsPerNewDeal', status: 'missing' },
      ],
    });
    const { unmount } = renderPart(<PlanCard shown={{ ...shown, plan: thin }} selection={selection} />);
    expect(screen.getByText('Not said, too little history: Win rate (4 of the 10 needed), Calls per new deal (none yet).')).toBeTruthy();
    expect(screen.getByText('Deals to open: Needs your win rate')).toBeTruthy();
    // No guessed step: the sentence stops at what is known.
    expect(screen.getByText('To reach $250,000: win 4 more deals')).toBeTruthy();
    unmount();
    renderPart(<PlanCard shown={{ ...shown, plan: thin }} selection={selection} />, { locale: 'ru' });
    expect(screen.getByText('Не посчитано, мало истории: Доля выигранных сделок (4 из нужных 10), Звонков на новую сделку (пока нет данных).')).toBeTruthy();
  });
});

describe('the deals card', () => {
  it('ranks the deals to work by expected contribution, each action a safe link into the CRM', () => {
    renderPart(<DealsCard shown={shown} selection={selection} />);
    const card = screen.getByRole('region', { name: 'Deals' });
    const items = [...card.querySelectorAll('[data-list="work"] > li')] as HTMLElement[];
    expect(items.map((li) => li.dataset.deal)).toEqual(full.topDeals.slice(0, items.length).map((d) => d.dealId));
    for (const link of card.querySelectorAll('a')) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\/acme\.pipedrive\.com\/deal\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    }
    // The javascript: deals are there, as text.
    expect(card.innerHTML).not.toContain('javascript:');
  });

  it('keeps the live deals at risk apart from the dead ones to clean up, each with its action (ru)', () => {
    renderPart(<DealsCard shown={shown} selection={selection} />, { locale: 'ru' });
    const card = screen.getByRole('region', { name: 'Сделки' });
    fireEvent.click(within(card).getByRole('radio', { name: new RegExp(`Риск \\(${shown.atRisk.total}\\)`) }));
    const risk = [...card.querySelectorAll('[data-list="risk"] > li')].map((li) => (li as HTMLElement).dataset.deal);
    expect(risk).toEqual(shown.atRisk.deals.map((d) => d.dealId));
    fireEvent.click(within(card).getByRole('radio', { name: new RegExp(`Почистить \\(${shown.cleanUp.total}\\)`) }));
    const clean = [...card.querySelectorAll('[data-list="cleanUp"] > li')].map((li) => (li as HTMLElement).dataset.deal);
    expect(clean).toEqual(shown.cleanUp.deals.map((d) => d.dealId));
    expect(clean.filter((id) => risk.includes(id))).toEqual([]);
    if (shown.cleanUp.deals.length) expect(card.querySelector('[data-list="cleanUp"] [data-action]')?.textContent).toBe('Закрыть как проигранную');
  });
});

describe('the forecast explain panel', () => {
  it('shows the method, the inputs with readable labels, and the deals behind the number', async () => {
    const load = vi.fn(async (offset: number) => ({
      total: 1,
      listable: 1,
      offset,
      rows: [{ id: 'd1', type: 'deal' as const, title: 'Deal one', url: 'https://acme.pipedrive.com/deal/d1' }],
    }));
    renderPart(
      <ForecastExplainPanel target={{ id: 'range', explain: shown.explain.range, currency: 'USD', selection }} loadRecords={load} onClose={vi.fn()} />,
      { locale: 'ru' },
    );
    const dialog = screen.getByRole('dialog', { name: shown.explain.range.title.ru });
    expect(within(dialog).getByText(shown.explain.range.method.ru)).toBeTruthy();
    for (const item of shown.explain.range.inputs) expect(within(dialog).getByText(new RegExp(`^${item.label.ru}:`))).toBeTruthy();
    if (shown.explain.range.deals > 0) expect(await within(dialog).findByRole('link', { name: 'Deal one' })).toBeTruthy();
  });
});

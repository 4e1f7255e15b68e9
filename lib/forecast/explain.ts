/**
 * The explain panel of every forecast number: its title and method in words (texts.ts), its inputs
 * with their sample sizes, the deals behind it, and the notes that bear on it.
 */
import { EXPLAIN_TEXT, INPUT_LABEL } from './texts';
import type { Explain, ExplainId, ExplainInput, FigureUnit, ForecastResult, Note, NoteCode, PlanInput } from './types';

type Label = keyof typeof INPUT_LABEL;

function input(key: Label, value: number | null, unit: FigureUnit, extra: { n?: number; lowSample?: boolean } = {}): ExplainInput {
  return { key, label: INPUT_LABEL[key], value, unit, ...extra };
}

function planInput(key: Label, p: PlanInput): ExplainInput {
  return input(key, p.value, p.unit, { n: p.n, ...(p.status === 'low-sample' ? { lowSample: true } : {}) });
}

function explain(id: ExplainId, inputs: ExplainInput[], dealIds: readonly string[], notes: readonly Note[]): Explain {
  return { title: EXPLAIN_TEXT[id].title, method: EXPLAIN_TEXT[id].method, inputs, dealIds, notes };
}

const PIPELINE_NOTES: readonly NoteCode[] = [
  'undated-deals',
  'stage-from-current',
  'no-stage-history',
  'no-activities',
  'amount-not-used',
  'amount-estimated',
  'no-amount',
  'short-history',
  'future-period',
];

export function buildExplains(
  r: Omit<ForecastResult, 'explain'>,
  extra: { newDealIds: readonly string[]; staleDays: number; deadDays: number },
): Record<ExplainId, Explain> {
  const pick = (codes: readonly NoteCode[]) => r.notes.filter((n) => codes.includes(n.code));
  const openIds = r.deals.map((d) => d.dealId);
  const p = r.plan;
  return {
    wonSoFar: explain(
      'wonSoFar',
      [input('wonAmount', r.wonSoFar.amount, 'money'), input('wonDeals', r.wonSoFar.deals, 'count')],
      r.wonSoFar.dealIds,
      pick(['currency', 'period-over']),
    ),
    range: explain(
      'range',
      [
        input('p10', r.revenue.p10, 'money'),
        input('p50', r.revenue.p50, 'money'),
        input('p90', r.revenue.p90, 'money'),
        input('wonAmount', r.wonSoFar.amount, 'money'),
        input('expectedAmount', r.pipeline.expectedAmount, 'money', { n: r.pipeline.openDeals }),
        input('newRate', r.newDeals.expectedCount, 'count', { n: r.newDeals.spans }),
        input('sharedVariance', r.model.sharedVariance, 'ratio', { n: r.model.snapshots }),
        input('draws', r.draws, 'count'),
      ],
      openIds,
      r.notes,
    ),
    probabilityOfQuota: explain(
      'probabilityOfQuota',
      [
        input('quota', r.quota, 'money'),
        input('probability', r.probabilityOfQuota, 'probability'),
        input('p50', r.revenue.p50, 'money'),
        input('draws', r.draws, 'count'),
      ],
      openIds,
      r.quota === null ? p.notes.filter((n) => n.code === 'missing-input' && n.params.input === 'quota') : [],
    ),
    pipeline: explain(
      'pipeline',
      [
        input('openDeals', r.pipeline.openDeals, 'count'),
        input('expectedAmount', r.pipeline.expectedAmount, 'money'),
        input('expectedWins', r.pipeline.expectedWins, 'count'),
        input('withoutAmount', r.pipeline.withoutAmount, 'count'),
        input('snapshots', r.model.snapshots, 'count'),
        input('examples', r.model.examples, 'count'),
        input('baseRate', r.model.baseRate, 'rate', { n: r.model.examples }),
      ],
      openIds,
      pick(PIPELINE_NOTES),
    ),
    newDeals: explain(
      'newDeals',
      [
        input('newRate', r.newDeals.expectedCount, 'count', { n: r.newDeals.spans }),
        input('expectedAmount', r.newDeals.expectedAmount, 'money'),
        input('dispersion', r.newDeals.dispersion, 'ratio'),
        input('amountPool', r.newDeals.amountPool, 'count'),
      ],
      extra.newDealIds,
      pick(['short-history']),
    ),
    plan: explain(
      'plan',
      [
        input('quota', p.quota, 'money'),
        input('wonAmount', p.wonSoFar, 'money'),
        input('gap', p.gap, 'money'),
        planInput('averageWonDeal', p.inputs.averageWonDeal),
        planInput('expectedPipelineAmount', p.inputs.expectedPipelineAmount),
        planInput('winRate', p.inputs.winRate),
        planInput('salesCycleDays', p.inputs.salesCycleDays),
        planInput('callsPerNewDeal', p.inputs.callsPerNewDeal),
        planInput('meetingsPerNewDeal', p.inputs.meetingsPerNewDeal),
        input('dealsToWin', p.steps.dealsToWin.value, 'count'),
        input('newDealsToWin', p.steps.newDealsToWin.value, 'count'),
        input('dealsToOpen', p.steps.dealsToOpen.value, 'count'),
        input('openBy', p.steps.openBy.value, 'date'),
        input('workingDaysToOpen', p.steps.workingDaysToOpen.value, 'count'),
        input('callsPerDay', p.steps.callsPerDay.value, 'per-day'),
        input('meetingsPerDay', p.steps.meetingsPerDay.value, 'per-day'),
      ],
      openIds,
      p.notes,
    ),
    topDeals: explain(
      'topDeals',
      [input('alerts', r.topDeals.length, 'count')],
      r.topDeals.map((d) => d.dealId),
      [],
    ),
    atRisk: explain(
      'atRisk',
      [input('alerts', r.atRisk.length, 'count'), input('staleDays', extra.staleDays, 'days')],
      r.atRisk.map((d) => d.dealId),
      pick(['no-activities']),
    ),
    cleanUp: explain(
      'cleanUp',
      [input('alerts', r.cleanUp.length, 'count'), input('deadDays', extra.deadDays, 'days')],
      r.cleanUp.map((d) => d.dealId),
      pick(['no-activities']),
    ),
  };
}

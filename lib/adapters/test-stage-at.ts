/**
 * Test support for the adapters' stage-history tests: what the KPI engine makes of the records a sync
 * stored, as of an instant. Deals in the pipeline per stage (the breakdown's stage ids and counts),
 * whether the engine noted a stage it could not know, and the deal's own stage at the instant.
 */
import { computeKpis } from '../kpi/compute';
import { dealStageAt } from '../kpi/shared/as-of';
import { dataOf, queryOf } from '../kpi/test-fixtures';
import type { Deal } from '../model';
import { parsePeriodSpec } from '../period/parse';
import { CAL } from '../kpi/test-fixtures';
import type { RecordBatch } from './types';

export type StageAt = {
  /** [stage id, open deals in it] in pipeline order, as dealsInPipeline breaks them down. */
  byStage: [string, number][];
  /** The `current-stage` note's count: open deals whose stage then is not known (absent: none). */
  unknownStages: number | undefined;
  /** The deal asked about: its stage at the instant per as-of.ts. */
  deal: { stageId: string | undefined; known: boolean } | undefined;
};

/** Deals in the pipeline as of `at` (a period in progress: the month of `at`, UTC), from a sync's records. */
export function stageAt(batch: RecordBatch, at: number, dealId: string): StageAt {
  const period = parsePeriodSpec(new Date(at).toISOString().slice(0, 7), CAL);
  const data = dataOf({ deals: batch.deal ?? [], pipelines: batch.pipeline ?? [], stages: batch.stage ?? [], owners: batch.owner ?? [] });
  const result = computeKpis(data, queryOf({ period, asOf: at, kpis: ['dealsInPipeline'] })).dealsInPipeline;
  if (result?.status !== 'ok') throw new Error(`dealsInPipeline is not ok: ${JSON.stringify(result)}`);
  const deal: Deal | undefined = (batch.deal ?? []).find((d) => d.externalId === dealId);
  return {
    byStage: (result.breakdown ?? []).map((row) => [row.key, row.count ?? 0]),
    unknownStages: result.notes?.find((note) => note.code === 'current-stage')?.count,
    deal: deal ? dealStageAt(deal, at) : undefined,
  };
}

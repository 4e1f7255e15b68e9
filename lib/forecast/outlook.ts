/**
 * Each open deal's outlook: its probability with the drivers behind it, its amount and where the
 * amount came from, its age and idleness, and the moves the model can put a number on.
 */
import { DAY_MS } from '../period';
import type { Deal, Stage } from '../model';
import type { Amount } from './amounts';
import type { DealTable } from './deal-table';
import { ageBand, idleBand, idleDaysAt, stageAt } from './features';
import { scoreFeatures, type Features, type Model } from './model';
import { DRIVER_TEXT, MOVE_TEXT, NO_CLOSE_DATE_MOVE } from './texts';
import type { DealOutlook, Driver, Move } from './types';

export type OutlookContext = {
  table: DealTable;
  model: Model | undefined;
  /** Instant the features are read at (asOf). */
  at: number;
  todayStart: number;
  ownerNames: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, Stage>;
  /** The stage after each stage in its pipeline. */
  nextStage: ReadonlyMap<string, Stage>;
  productNames: ReadonlyMap<string, string>;
  /** False when the period is over: nothing more can be won in it. */
  open: boolean;
};

export function featuresOf(table: DealTable, i: number, at: number): Features {
  return {
    age: ageBand(table, i, at),
    idle: idleBand(table, i, at),
    stage: stageAt(table, i, at),
    owner: table.owner[i] as number,
    product: table.product[i] as number,
    amount: table.amountBand[i] as number,
  };
}

export function dealOutlook(ctx: OutlookContext, i: number, amount: Amount): DealOutlook {
  const { table, model, at } = ctx;
  const deal = table.dealAt(i);
  const features = featuresOf(table, i, at);
  const score = model && ctx.open ? scoreFeatures(model, features) : undefined;
  const probability = score?.probability ?? 0;
  const value = amount.minor;
  const born = table.born[i] as number;
  const idle = idleDaysAt(table, i, at);
  const stage = deal.stageId !== undefined ? ctx.stages.get(deal.stageId) : undefined;
  const drivers: Driver[] = [];
  if (score && model) {
    drivers.push({
      kind: 'situation',
      value: score.situation,
      n: score.situationN,
      label: DRIVER_TEXT.situation,
      params: { percent: Math.round(score.situation * 1000) / 10, n: score.situationN },
    });
    const factor = (kind: 'owner' | 'product' | 'amount', level: number, name: string) => {
      if (level < 0) return;
      const t = model.factors[kind];
      const observed = t.observed[level] ?? 0;
      const expected = t.expected[level] ?? 0;
      if (!(expected > 0)) return;
      const f = t.factor[level] ?? 1;
      drivers.push({
        kind,
        value: f,
        n: observed,
        observed,
        expected,
        label: DRIVER_TEXT[kind],
        params: { name, factor: Math.round(f * 100) / 100, observed, expected: Math.round(expected * 10) / 10 },
      });
    };
    factor('owner', features.owner, ctx.ownerNames.get(deal.ownerId) ?? deal.ownerId);
    const productId = table.productIds[features.product];
    factor('product', features.product, productId === undefined ? '' : (ctx.productNames.get(productId) ?? productId));
    factor('amount', features.amount, '');
  }
  return {
    dealId: deal.externalId,
    source: deal.source,
    ...(deal.url !== undefined ? { url: deal.url } : {}),
    title: deal.title || deal.externalId,
    ownerId: deal.ownerId,
    ownerName: ctx.ownerNames.get(deal.ownerId) ?? deal.ownerId,
    ...(deal.stageId !== undefined ? { stageId: deal.stageId } : {}),
    ...(stage ? { stageName: stage.name } : {}),
    amount: value,
    amountSource: amount.source,
    probability,
    expected: value === null ? 0 : probability * value,
    ...(deal.createdAt !== undefined ? { createdAt: deal.createdAt } : {}),
    ...(deal.expectedCloseAt !== undefined ? { expectedCloseAt: deal.expectedCloseAt } : {}),
    ageDays: Number.isNaN(born) ? null : Math.max(0, (at - born) / DAY_MS),
    idleDays: table.hasActivity && !Number.isNaN(idle) ? idle : null,
    drivers,
    moves: moves(ctx, deal, features, probability, value),
  };
}

function moves(ctx: OutlookContext, deal: Deal, features: Features, probability: number, amount: number | null): Move[] {
  const out: Move[] = [];
  const { model, table } = ctx;
  const after = (p: number) => ({ probabilityAfter: p, expectedAfter: amount === null ? null : p * amount, params: { percent: Math.round(p * 100) } });
  if (model && ctx.open && table.hasActivity && features.idle > 0) {
    const p = scoreFeatures(model, { ...features, idle: 0 }).probability;
    if (p > probability) out.push({ action: 'log-activity', text: MOVE_TEXT['log-activity'], ...after(p) });
  }
  const current = features.stage >= 0 ? table.stageIds[features.stage] : undefined;
  const next = current !== undefined ? ctx.nextStage.get(current) : undefined;
  const nextCode = next ? table.stageIds.indexOf(next.externalId) : -1;
  if (model && ctx.open && next && nextCode >= 0) {
    const p = scoreFeatures(model, { ...features, stage: nextCode }).probability;
    if (p > probability)
      out.push({ action: 'advance-stage', text: MOVE_TEXT['advance-stage'], ...after(p), params: { percent: Math.round(p * 100), stage: next.name } });
  }
  const close = deal.expectedCloseAt;
  if (close === undefined || close < ctx.todayStart) {
    const text = close === undefined ? NO_CLOSE_DATE_MOVE : MOVE_TEXT['update-close-date'];
    out.push({ action: 'update-close-date', text, probabilityAfter: null, expectedAfter: null, params: {} });
  }
  return out;
}

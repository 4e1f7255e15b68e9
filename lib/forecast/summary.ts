/** What the forecast says about its own inputs: the notes and the summary of the learned model. */
import type { KnownAtNotes } from './known-at';
import type { DealTable } from './deal-table';
import type { Model } from './model';
import { NOTE_TEXT } from './texts';
import type { Span } from './training';
import type { DealOutlook, ModelSummary, Note } from './types';

/** Fewer comparable spans than this: the probabilities are called rough. */
const SHORT_HISTORY = 8;

export function dataNotes(k: KnownAtNotes, table: DealTable, outlooks: readonly DealOutlook[], spans: number, span: Span, open: boolean): Note[] {
  const notes: Note[] = [];
  const undated = outlooks.filter((d) => d.ageDays === null).length;
  if (undated) notes.push({ code: 'undated-deals', text: NOTE_TEXT['undated-deals'], params: { count: undated } });
  // Without any stage history the forecast does not use stages at all, and says so below instead.
  if (k.stageFromCurrent && table.hasStageHistory)
    notes.push({ code: 'stage-from-current', text: NOTE_TEXT['stage-from-current'], params: { count: k.stageFromCurrent } });
  if (!table.hasStageHistory) notes.push({ code: 'no-stage-history', text: NOTE_TEXT['no-stage-history'], params: {} });
  if (!table.hasActivity) notes.push({ code: 'no-activities', text: NOTE_TEXT['no-activities'], params: {} });
  if (table.amountUnusedReason) notes.push({ code: 'amount-not-used', text: NOTE_TEXT['amount-not-used'], params: { reason: table.amountUnusedReason } });
  const estimated = outlooks.filter((d) => d.amountSource !== 'deal' && d.amountSource !== 'none').length;
  if (estimated) notes.push({ code: 'amount-estimated', text: NOTE_TEXT['amount-estimated'], params: { count: estimated } });
  const none = outlooks.filter((d) => d.amountSource === 'none').length;
  if (none) notes.push({ code: 'no-amount', text: NOTE_TEXT['no-amount'], params: { count: none } });
  if (open && spans < SHORT_HISTORY) notes.push({ code: 'short-history', text: NOTE_TEXT['short-history'], params: { count: spans } });
  if (!open) notes.push({ code: 'period-over', text: NOTE_TEXT['period-over'], params: {} });
  if (span.lead > 0) notes.push({ code: 'future-period', text: NOTE_TEXT['future-period'], params: {} });
  return notes;
}

export function summarise(model: Model | undefined, table: DealTable, scopeOwners: number): ModelSummary {
  const features: ModelSummary['features'] = [
    { feature: 'age', used: true },
    table.hasActivity ? { feature: 'activity', used: true } : { feature: 'activity', used: false, reason: 'no activities linked to deals' },
    table.hasStageHistory ? { feature: 'stage', used: true } : { feature: 'stage', used: false, reason: 'no stage history' },
    table.ownerIds.length > 1 || scopeOwners > 1 ? { feature: 'owner', used: true } : { feature: 'owner', used: false, reason: 'one owner' },
    table.productIds.length ? { feature: 'product', used: true } : { feature: 'product', used: false, reason: 'no products on deals' },
    table.amountUnusedReason ? { feature: 'amount', used: false, reason: table.amountUnusedReason } : { feature: 'amount', used: true },
  ];
  if (!model) {
    return {
      snapshots: 0,
      examples: 0,
      baseRate: 0,
      sharedVariance: 0,
      shrinkage: { age: 0, activity: 0, stage: 0, owner: 0, product: 0, amount: 0 },
      features,
    };
  }
  return {
    snapshots: model.snapshots,
    examples: model.examples,
    baseRate: model.base,
    sharedVariance: model.sharedVariance,
    shrinkage: {
      age: model.age.strength,
      activity: model.activity.strength,
      stage: model.stage.strength,
      owner: model.factors.owner.strength,
      product: model.factors.product.strength,
      amount: model.factors.amount.strength,
    },
    features,
  };
}

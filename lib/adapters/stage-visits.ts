import type { StageVisit } from '../model';
import type { Reject } from './types';

/** The canonical deal schema's cap on stage visits; the most recent ones are kept (as of "now" matters most). */
export const MAX_STAGE_VISITS = 1000;

/** What a deal's current stage is, and when it was entered where the CRM says so. */
export type CurrentStage = { stageId: string | undefined; enteredAt: number | undefined; updatedAt: number };

/**
 * A deal's stage visits as the model wants them: in time order, a repeated row
 * (the same stage entered at the same instant) once, the current stage
 * included, the latest MAX_STAGE_VISITS kept. The current stage is added when
 * the history does not end in it: at its own entry time where the CRM gives
 * one after every other entry, else at the deal's last change (`updatedAt`),
 * the latest instant it can have been entered. Undefined without any entry
 * from the CRM: a history made of that guess alone would tell nothing.
 */
export function finishVisits(visits: readonly StageVisit[], current: CurrentStage): StageVisit[] | undefined {
  if (visits.length === 0) return undefined;
  const sorted = [...visits].sort((a, b) => a.enteredAt - b.enteredAt || (a.stageId < b.stageId ? -1 : a.stageId > b.stageId ? 1 : 0));
  const out: StageVisit[] = [];
  for (const visit of sorted) {
    const last = out[out.length - 1];
    if (last && last.stageId === visit.stageId && last.enteredAt === visit.enteredAt) continue;
    out.push(visit);
  }
  const last = out[out.length - 1];
  if (current.stageId !== undefined && last?.stageId !== current.stageId) {
    // The current stage is the latest one entered: at its own time where that is after every other entry, else no later than the last change.
    const known = current.enteredAt !== undefined && (last === undefined || current.enteredAt >= last.enteredAt) ? current.enteredAt : undefined;
    out.push({ stageId: current.stageId, enteredAt: known ?? Math.max(current.updatedAt, last?.enteredAt ?? -Infinity) });
  }
  if (out.length === 0) return undefined;
  return out.slice(-MAX_STAGE_VISITS);
}

/**
 * The note a page carries for stage-history rows it could not read: one
 * quarantine entry per page with the count and a few of the rows, so the sync
 * goes on and the rep can still see what was skipped.
 */
export function unreadableHistoryNote(crm: string, rows: readonly unknown[]): Reject[] {
  if (rows.length === 0) return [];
  return [
    {
      recordType: 'unknown',
      raw: { skippedStageHistoryRows: rows.length, sample: rows.slice(0, 5) },
      reason: `${rows.length} ${crm} stage history ${rows.length === 1 ? 'entry' : 'entries'} could not be read and ${rows.length === 1 ? 'was' : 'were'} skipped; the deals keep the rest of their history`,
    },
  ];
}

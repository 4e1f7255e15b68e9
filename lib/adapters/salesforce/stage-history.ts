import type { StageVisit } from '../../model';
import { z } from '../../model/zod';
import { parseTimestamp } from '../map';
import { finishVisits, MAX_STAGE_VISITS } from '../stage-visits';

/**
 * An opportunity's stage history, read with the opportunity itself: a
 * relationship subquery on OpportunityHistory (child relationship
 * `OpportunityHistories`), newest first so that a history longer than the cap
 * keeps its latest rows. It costs no request of its own, and an opportunity
 * whose stage changes gets a new SystemModstamp, so the incremental query that
 * re-reads it brings its whole history with it; a separate OpportunityHistory
 * query would have to re-send every deal it touches (the store replaces
 * records whole) and spend requests on `OpportunityId IN (…)` chunks.
 */
export const HISTORY_SUBQUERY = `(SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate DESC LIMIT ${MAX_STAGE_VISITS})`;

/** The nested query result on the opportunity (REST API: `{ totalSize, done, records }`). */
export const historySchema = z.lazy(() => z.object({ records: z.array(z.unknown()), done: z.boolean().nullish(), totalSize: z.number().int().nullish() }));

const rowSchema = z.lazy(() => z.object({ StageName: z.string().trim().min(1).max(255), CreatedDate: z.string() }));

/**
 * OpportunityHistory rows → stage visits. A row is written for every change of
 * amount, probability, close date or stage and carries the stage the
 * opportunity had then, so only the rows whose stage differs from the row
 * before are moves (the first row is the creation). StageName is the stage's
 * API name, the id the deal and the stage records use. A row without a stage
 * or a readable date is skipped and handed back for the page's note.
 */
export function opportunityVisits(
  history: z.infer<typeof historySchema> | null | undefined,
  current: { stageId: string | undefined; updatedAt: number },
): { visits: StageVisit[] | undefined; unreadable: unknown[] } {
  const rows: StageVisit[] = [];
  const unreadable: unknown[] = [];
  for (const raw of history?.records ?? []) {
    const row = rowSchema.safeParse(raw);
    const at = row.success ? parseTimestamp(row.data.CreatedDate) : undefined;
    if (!row.success || at === undefined) {
      unreadable.push(raw);
      continue;
    }
    rows.push({ stageId: row.data.StageName.slice(0, 200), enteredAt: at });
  }
  rows.sort((a, b) => a.enteredAt - b.enteredAt);
  const moves = rows.filter((row, i) => i === 0 || (rows[i - 1] as StageVisit).stageId !== row.stageId);
  return { visits: finishVisits(moves, { ...current, enteredAt: undefined }), unreadable };
}

import type { DuplicateReport } from './types';

const EXAMPLES = 3;

/**
 * One record per id when rows repeat an id: the row with the newest update
 * time wins when the file has an update column (a row with a time beats one
 * without; equal times go to the later row), else the later row wins, since
 * exports list a record's history oldest first. Decided row by row: a later
 * winner replaces the earlier record where it still waits in the batch, or is
 * handed over after it (the writer keeps the last record of an id). Holds the
 * ids and their update times, not the rows.
 */
export function createDuplicates(updatedColumn: string | undefined) {
  /**
   * The line each id's kept row is on; with an update column, also its time
   * (kept apart: most files need no times). Maps, not arrays: the batch
   * positions are forgotten with each batch, so memory holds one entry per id.
   */
  const lines = new Map<string, number>();
  const times = new Map<string, number>();
  /** Where each id's record sits in the batch not yet handed over. */
  const pending = new Map<string, number>();
  const repeated = new Set<string>();
  const examples: string[] = [];
  let superseded = 0;

  return {
    /**
     * Whether the row of `id` read at `line` is kept, and if so whether it
     * replaces the record at `replaces` of the current batch.
     */
    offer(id: string, line: number, updated: number | undefined, nextIndex: number): { keep: false } | { keep: true; replaces?: number } {
      const time = updated ?? Number.NEGATIVE_INFINITY;
      const earlier = lines.get(id);
      if (earlier === undefined) {
        lines.set(id, line);
        if (updatedColumn !== undefined) times.set(id, time);
        pending.set(id, nextIndex);
        return KEEP;
      }
      superseded += 1;
      repeated.add(id);
      const wins = updatedColumn === undefined || time >= (times.get(id) ?? Number.NEGATIVE_INFINITY);
      if (examples.length < EXAMPLES) examples.push(`id ${JSON.stringify(id)}: line ${wins ? line : earlier} kept over line ${wins ? earlier : line}`);
      if (!wins) return DROP;
      lines.set(id, line);
      if (updatedColumn !== undefined) times.set(id, time);
      const at = pending.get(id);
      if (at !== undefined) return { keep: true, replaces: at };
      pending.set(id, nextIndex);
      return KEEP;
    },
    /** The batch was handed over: later winners follow it instead of replacing in it. */
    handedOver() {
      pending.clear();
    },
    /** Distinct ids kept: the records the import made. */
    ids: () => lines.size,
    report(): DuplicateReport | undefined {
      if (superseded === 0) return undefined;
      return {
        rows: superseded,
        ids: repeated.size,
        rule: updatedColumn === undefined ? 'last-row' : 'newest-updated',
        ...(updatedColumn === undefined ? {} : { column: updatedColumn }),
        examples,
      };
    },
  };
}

const KEEP = { keep: true } as const;
const DROP = { keep: false } as const;

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
  /** Each id's slot: one Map entry per id, its facts in flat arrays (most files repeat no id, and this runs per row). */
  const slots = new Map<string, number>();
  const lines: number[] = [];
  /** Where the slot's record sits in the batch not yet handed over, and which batch that was. */
  const positions: number[] = [];
  const batches: number[] = [];
  const times: number[] = [];
  const repeated = new Set<string>();
  const examples: string[] = [];
  let batch = 0;
  let superseded = 0;

  return {
    /**
     * Whether the row of `id` read at `line` is kept, and if so whether it
     * replaces the record at `replaces` of the current batch.
     */
    offer(id: string, line: number, updated: number | undefined, nextIndex: number): { keep: false } | { keep: true; replaces?: number } {
      const time = updated ?? Number.NEGATIVE_INFINITY;
      const slot = slots.get(id);
      if (slot === undefined) {
        slots.set(id, lines.length);
        lines.push(line);
        positions.push(nextIndex);
        batches.push(batch);
        if (updatedColumn !== undefined) times.push(time);
        return KEEP;
      }
      superseded += 1;
      repeated.add(id);
      const earlier = lines[slot]!;
      const wins = updatedColumn === undefined || time >= times[slot]!;
      if (examples.length < EXAMPLES) examples.push(`id ${JSON.stringify(id)}: line ${wins ? line : earlier} kept over line ${wins ? earlier : line}`);
      if (!wins) return DROP;
      lines[slot] = line;
      if (updatedColumn !== undefined) times[slot] = time;
      if (batches[slot] === batch) return { keep: true, replaces: positions[slot]! };
      positions[slot] = nextIndex;
      batches[slot] = batch;
      return KEEP;
    },
    /** The batch was handed over: later winners follow it instead of replacing in it. */
    handedOver() {
      batch += 1;
    },
    /** Distinct ids kept: the records the import made. */
    ids: () => slots.size,
    report(): DuplicateReport | undefined {
      if (superseded === 0) return undefined;
      return { rows: superseded, ids: repeated.size, rule: updatedColumn === undefined ? 'last-row' : 'newest-updated', ...(updatedColumn === undefined ? {} : { column: updatedColumn }), examples };
    },
  };
}

const KEEP = { keep: true } as const;
const DROP = { keep: false } as const;

import { parseRecord, type Activity, type Deal, type Lead, type RecordByType } from '../model';
import type { NamedRef, RowNote } from './deal-rows';
import { WARNING_TEXT } from './warnings';
import type { ImportedRecords, ImportWarning, RecordBatch, RowReject } from './types';

type CustomerDraft = NamedRef & { region?: string; acquiredAt?: number };

/**
 * Gathers an import's output row by row: the records, the owners, products and
 * customers they name (one each, however many rows name them), the counted
 * notes and the rejected rows. Holds records, never raw rows.
 */
export function createCollector(source: string, updatedAt: number | undefined, maxRejectDetails: number) {
  const deals: Deal[] = [];
  const activities: Activity[] = [];
  const leads: Lead[] = [];
  const owners = new Map<string, NamedRef>();
  const products = new Map<string, NamedRef>();
  const customers = new Map<string, CustomerDraft>();
  const seenIds = new Map<string, number>();
  const notes = new Map<string, { count: number; examples: Set<string> }>();
  const rejects: RowReject[] = [];
  let rejectCount = 0;
  let latest = 0;

  const reject = (line: number, reason: string, excerpt?: string) => {
    rejectCount += 1;
    if (rejects.length < maxRejectDetails) rejects.push(excerpt === undefined ? { line, reason } : { line, reason, excerpt });
  };

  const note = (entry: RowNote) => {
    const slot = notes.get(entry.code) ?? { count: 0, examples: new Set<string>() };
    slot.count += 1;
    if (entry.example !== undefined && slot.examples.size < 5) slot.examples.add(entry.example);
    notes.set(entry.code, slot);
  };

  /** Validates a candidate and keeps it unless its id was already imported from an earlier line. */
  function accept<K extends 'deal' | 'activity' | 'lead'>(type: K, line: number, candidate: Record<string, unknown>, rowNotes: readonly RowNote[]) {
    const parsed = parseRecord(type, candidate);
    if (!parsed.ok) {
      reject(line, parsed.reason);
      return undefined;
    }
    const id = parsed.record.externalId;
    const first = seenIds.get(id);
    if (first !== undefined) {
      reject(line, `duplicate id ${JSON.stringify(id)} (already imported from line ${first}); the row was not imported`);
      return undefined;
    }
    seenIds.set(id, line);
    latest = Math.max(latest, parsed.record.updatedAt);
    rowNotes.forEach(note);
    return parsed.record;
  }

  return {
    reject,
    note,
    deal(line: number, mapped: { candidate: Record<string, unknown>; owner: NamedRef; product?: NamedRef; customer?: CustomerDraft; notes: RowNote[] }) {
      const deal = accept('deal', line, mapped.candidate, mapped.notes) as Deal | undefined;
      if (!deal) return false;
      deals.push(deal);
      if (!owners.has(mapped.owner.id)) owners.set(mapped.owner.id, mapped.owner);
      if (mapped.product && !products.has(mapped.product.id)) products.set(mapped.product.id, mapped.product);
      if (mapped.customer) {
        const customer = customers.get(mapped.customer.id) ?? { ...mapped.customer, region: undefined };
        customer.region ??= mapped.customer.region;
        // Acquired when it first bought: the earliest won deal of the file.
        if (deal.status === 'won' && deal.closedAt !== undefined) customer.acquiredAt = Math.min(customer.acquiredAt ?? Infinity, deal.closedAt);
        customers.set(customer.id, customer);
      }
      return true;
    },
    activity(line: number, mapped: { candidate: Record<string, unknown>; owner: NamedRef; notes: RowNote[] }) {
      const activity = accept('activity', line, mapped.candidate, mapped.notes) as Activity | undefined;
      if (!activity) return false;
      activities.push(activity);
      if (!owners.has(mapped.owner.id)) owners.set(mapped.owner.id, mapped.owner);
      return true;
    },
    lead(line: number, mapped: { candidate: Record<string, unknown>; owner?: NamedRef; notes: RowNote[] }) {
      const lead = accept('lead', line, mapped.candidate, mapped.notes) as Lead | undefined;
      if (!lead) return false;
      leads.push(lead);
      if (mapped.owner && !owners.has(mapped.owner.id)) owners.set(mapped.owner.id, mapped.owner);
      return true;
    },
    rejectCount: () => rejectCount,
    /** Hands over the records read since the last call and forgets them. */
    drain(): RecordBatch {
      const batch = { deals: deals.splice(0), activities: activities.splice(0), leads: leads.splice(0) };
      return batch;
    },
    finish(): { records: ImportedRecords; rejects: RowReject[]; rejectCount: number; warnings: ImportWarning[] } {
      const stamp = updatedAt ?? latest;
      const derived = <K extends 'owner' | 'product' | 'customer'>(type: K, drafts: Iterable<NamedRef>): RecordByType[K][] => {
        const out: RecordByType[K][] = [];
        for (const { id, ...draft } of drafts) {
          const parsed = parseRecord(type, { ...draft, source, externalId: id, updatedAt: stamp });
          if (parsed.ok) out.push(parsed.record);
          else note({ code: 'derived-rejected', example: parsed.reason });
        }
        return out;
      };
      const records: ImportedRecords = {
        deals,
        activities,
        leads,
        owners: derived('owner', owners.values()),
        products: derived('product', products.values()),
        customers: derived('customer', customers.values()),
      };
      const warnings: ImportWarning[] = [];
      for (const [code, slot] of notes) {
        const examples = [...slot.examples];
        warnings.push({ code, count: slot.count, message: WARNING_TEXT(code, slot.count, examples), ...(examples.length ? { examples } : {}) });
      }
      return { records, rejects, rejectCount, warnings };
    },
  };
}

export type Collector = ReturnType<typeof createCollector>;

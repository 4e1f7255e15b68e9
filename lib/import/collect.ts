import { parseRecord, type Activity, type Deal, type Lead, type RecordByType } from '../model';
import type { NamedRef, RowNote } from './deal-rows';
import { createDuplicates } from './duplicates';
import { WARNING_TEXT } from './warnings';
import type { CurrencyCount, CurrencySource, DuplicateReport, ImportedRecords, ImportWarning, RecordBatch, RejectCode, RejectCount, RowReject } from './types';

type CustomerDraft = NamedRef & { region?: string; acquiredAt?: number };
type Kept = 'deals' | 'activities' | 'leads';
/** What a row mapper hands over: the candidate record, what it names, its notes, and its own update time. */
type Mapped = { candidate: Record<string, unknown>; notes: readonly RowNote[]; updated?: number };

/**
 * Gathers an import's output row by row: the records, the owners, products and
 * customers they name (one each, however many rows name them), the counted
 * notes, the rejected rows (counted by kind of reason) and the currencies of
 * the amounts. Rows that repeat an id keep one record: see duplicates.ts.
 * Holds records, never raw rows.
 */
export function createCollector(source: string, updatedAt: number | undefined, maxRejectDetails: number, updatedColumn: string | undefined) {
  const lists: { [K in Kept]: RecordByType[K extends 'deals' ? 'deal' : K extends 'activities' ? 'activity' : 'lead'][] } = {
    deals: [],
    activities: [],
    leads: [],
  };
  const owners = new Map<string, NamedRef>();
  const products = new Map<string, NamedRef>();
  const customers = new Map<string, CustomerDraft>();
  const duplicates = createDuplicates(updatedColumn);
  const notes = new Map<string, { count: number; examples: Set<string> }>();
  const reasons = new Map<RejectCode, { count: number; example: string }>();
  const currencies = new Map<string, CurrencyCount>();
  const rejects: RowReject[] = [];
  let rejectCount = 0;
  let latest = 0;

  const reject = (line: number, reason: string, code: RejectCode, excerpt?: string) => {
    rejectCount += 1;
    const slot = reasons.get(code) ?? { count: 0, example: reason };
    slot.count += 1;
    reasons.set(code, slot);
    if (rejects.length < maxRejectDetails) rejects.push(excerpt === undefined ? { line, reason, code } : { line, reason, code, excerpt });
  };

  const note = (entry: RowNote) => {
    const slot = notes.get(entry.code) ?? { count: 0, examples: new Set<string>() };
    slot.count += 1;
    if (entry.example !== undefined && slot.examples.size < 5) slot.examples.add(entry.example);
    notes.set(entry.code, slot);
  };

  /** Validates a candidate and keeps it, unless an earlier row of its id is the newer one. */
  function accept<K extends Kept>(list: K, type: 'deal' | 'activity' | 'lead', line: number, mapped: Mapped): (typeof lists)[K][number] | undefined {
    const parsed = parseRecord(type, mapped.candidate);
    if (!parsed.ok) {
      reject(line, parsed.reason, 'invalid');
      return undefined;
    }
    const record = parsed.record as (typeof lists)[K][number];
    const verdict = duplicates.offer(record.externalId, line, mapped.updated, lists[list].length);
    if (!verdict.keep) return undefined;
    if (verdict.replaces !== undefined) lists[list][verdict.replaces] = record as never;
    else lists[list].push(record as never);
    latest = Math.max(latest, record.updatedAt);
    mapped.notes.forEach(note);
    return record;
  }

  const named = (map: Map<string, NamedRef>, ref: NamedRef | undefined) => {
    if (ref && !map.has(ref.id)) map.set(ref.id, ref);
  };

  return {
    reject,
    note,
    /** Counts where an imported amount's currency came from. */
    currency(source: CurrencySource | undefined, currency: string | undefined) {
      if (source === undefined || currency === undefined) return;
      const key = `${source}|${currency}`;
      const slot = currencies.get(key) ?? { source, currency, count: 0 };
      slot.count += 1;
      currencies.set(key, slot);
    },
    deal(line: number, mapped: Mapped & { owner: NamedRef; product?: NamedRef; customer?: CustomerDraft }) {
      const deal = accept('deals', 'deal', line, mapped) as Deal | undefined;
      if (!deal) return false;
      named(owners, mapped.owner);
      named(products, mapped.product);
      if (mapped.customer) {
        const customer = customers.get(mapped.customer.id) ?? { ...mapped.customer, region: undefined };
        customer.region ??= mapped.customer.region;
        // Acquired when it first bought: the earliest won deal of the file.
        if (deal.status === 'won' && deal.closedAt !== undefined) customer.acquiredAt = Math.min(customer.acquiredAt ?? Infinity, deal.closedAt);
        customers.set(customer.id, customer);
      }
      return true;
    },
    activity(line: number, mapped: Mapped & { owner: NamedRef }) {
      const activity = accept('activities', 'activity', line, mapped) as Activity | undefined;
      if (!activity) return false;
      named(owners, mapped.owner);
      return true;
    },
    lead(line: number, mapped: Mapped & { owner?: NamedRef }) {
      const lead = accept('leads', 'lead', line, mapped) as Lead | undefined;
      if (!lead) return false;
      named(owners, mapped.owner);
      return true;
    },
    rejectCount: () => rejectCount,
    /** Records kept so far: one per id, however many rows repeated it. */
    kept: () => duplicates.ids(),
    /** Hands over the records read since the last call and forgets them. */
    drain(): RecordBatch {
      duplicates.handedOver();
      return { deals: lists.deals.splice(0) as Deal[], activities: lists.activities.splice(0) as Activity[], leads: lists.leads.splice(0) as Lead[] };
    },
    finish(): {
      records: ImportedRecords;
      rejects: RowReject[];
      rejectCount: number;
      rejectReasons: RejectCount[];
      warnings: ImportWarning[];
      currencies: CurrencyCount[];
      duplicates?: DuplicateReport;
    } {
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
        deals: lists.deals as Deal[],
        activities: lists.activities as Activity[],
        leads: lists.leads as Lead[],
        owners: derived('owner', owners.values()),
        products: derived('product', products.values()),
        customers: derived('customer', customers.values()),
      };
      const warnings: ImportWarning[] = [];
      for (const [code, slot] of notes) {
        const examples = [...slot.examples];
        warnings.push({ code, count: slot.count, message: WARNING_TEXT(code, slot.count, examples), ...(examples.length ? { examples } : {}) });
      }
      const rejectReasons = [...reasons].map(([code, slot]) => ({ code, ...slot })).sort((a, b) => b.count - a.count);
      return {
        records,
        rejects,
        rejectCount,
        rejectReasons,
        warnings,
        currencies: [...currencies.values()].sort((a, b) => b.count - a.count),
        duplicates: duplicates.report(),
      };
    },
  };
}

export type Collector = ReturnType<typeof createCollector>;

/**
 * What the deal table (deal-table.ts) reads of each deal, gathered in the order the deals come in, a
 * batch at a time: over the column store the worker reads every deal's history and line items as
 * slim objects, and a batch of them can be dropped once read, so the table's build holds a few
 * thousand deal objects at once instead of a hundred thousand (at team scale they were about 90 MB of
 * the restarted worker's heap). The table then puts the rows in its canonical order (deal-table.ts).
 */
import type { Deal, StageVisit } from '../model';
import type { CurrencyOptions } from '../money';
import { ownAmount } from './amounts';
import { bornOf, Coder, LOST, OPEN, WON } from './table-helpers';

/** Growable columns of numbers: a plain array of doubles, copied into a typed array when done. */
type Numbers = number[];

export type DealRows = {
  length: number;
  ids: string[];
  /** Where the whole deal is (the slot `slimDealBatches` gave it), -1 when the deals are records. */
  slots: Numbers;
  /** `closedAt` as the canonical order reads it (absent: +∞; its creation is `created`, NaN read as −∞). */
  closedKey: Numbers;
  created: Numbers;
  firstContact: Numbers;
  born: Numbers;
  /** The table's close column: +∞ while open, NaN when closed without a date. */
  closed: Numbers;
  /** OPEN, WON or LOST (table-helpers.ts). */
  status: Numbers;
  lastActivityField: Numbers;
  anyLastActivity: boolean;
  amount: Numbers;
  amountIssue: Map<number, string>;
  /** Codes in order of first sight in these rows (the table codes them again in its own order). */
  owner: Numbers;
  owners: Coder;
  product: Numbers;
  products: Coder;
  /** Each deal's stage visits sorted by time: deal i's are stageTimes[stageStart[i] .. stageStart[i + 1]). */
  stageStart: Numbers;
  stageTimes: Numbers;
  stageCodes: Numbers;
  stages: Coder;
};

export function emptyDealRows(): DealRows {
  return {
    length: 0,
    ids: [],
    slots: [],
    closedKey: [],
    created: [],
    firstContact: [],
    born: [],
    closed: [],
    status: [],
    lastActivityField: [],
    anyLastActivity: false,
    amount: [],
    amountIssue: new Map(),
    owner: [],
    owners: new Coder(),
    product: [],
    products: new Coder(),
    stageStart: [0],
    stageTimes: [],
    stageCodes: [],
    stages: new Coder(),
  };
}

/** Adds a batch of deals (as they stood at the table's instant) to the rows; `slotOf` says where each whole deal is. */
export function addDeals(rows: DealRows, deals: readonly Deal[], currency: CurrencyOptions, slotOf?: (deal: Deal) => number): void {
  for (const deal of deals) {
    const i = rows.length;
    rows.length += 1;
    rows.ids.push(deal.externalId);
    rows.slots.push(slotOf ? slotOf(deal) : -1);
    rows.closedKey.push(deal.closedAt ?? Infinity);
    rows.created.push(deal.createdAt ?? Number.NaN);
    rows.firstContact.push(deal.firstContactAt ?? Number.NaN);
    rows.born.push(bornOf(deal));
    rows.closed.push(deal.status === 'open' ? Infinity : (deal.closedAt ?? Number.NaN));
    rows.status.push(deal.status === 'open' ? OPEN : deal.status === 'won' ? WON : LOST);
    rows.lastActivityField.push(deal.lastActivityAt ?? Number.NaN);
    if (deal.lastActivityAt !== undefined) rows.anyLastActivity = true;
    const own = ownAmount(deal, currency);
    if ('minor' in own) rows.amount.push(own.minor);
    else {
      rows.amount.push(Number.NaN);
      rows.amountIssue.set(i, own.issue);
    }
    rows.owner.push(rows.owners.code(deal.ownerId));
    const line = deal.lineItems[0];
    const productId = line?.productId ?? line?.name;
    rows.product.push(productId === undefined ? -1 : rows.products.code(productId));
    addVisits(rows, deal.stageHistory);
  }
}

function addVisits(rows: DealRows, history: readonly StageVisit[] | undefined): void {
  if (history?.length) {
    let inOrder = true;
    for (let k = 1; k < history.length && inOrder; k += 1) inOrder = (history[k - 1] as StageVisit).enteredAt <= (history[k] as StageVisit).enteredAt;
    // A stable sort, so visits entered at the same instant keep their order.
    const sorted = inOrder ? history : [...history].sort((a, b) => a.enteredAt - b.enteredAt);
    for (const visit of sorted) {
      rows.stageTimes.push(visit.enteredAt);
      rows.stageCodes.push(rows.stages.code(visit.stageId));
    }
  }
  rows.stageStart.push(rows.stageTimes.length);
}

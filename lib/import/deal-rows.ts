import type { DealStatus } from '../model';
import { minorToMajor } from '../money/minor';
import { derivedId } from './ids';
import { RowError, type RowCells } from './row-cells';
import { clipText, compactKey, nameKey } from './text';
import type { CurrencySource } from './types';
import { readChannel, readDealStatus, readStageStatus } from './vocabulary';

export type NamedRef = { id: string; name: string };
/** Something about a row worth counting in the import's warnings, with the value that caused it. */
export type RowNote = { code: string; example?: string };

export type DealContext = {
  source: string;
  importedAt?: number;
  /** The user's won/lost values: checked first, for status and stage columns alike. */
  explicitWon: ReadonlySet<string>;
  explicitLost: ReadonlySet<string>;
  /** Explicit values, the preset's and the well-known stage names. */
  stageWon: ReadonlySet<string>;
  stageLost: ReadonlySet<string>;
  /** The preset's status codes (Bitrix24's S / F / P), read before the generic words. */
  statusCodes?: { won: ReadonlySet<string>; lost: ReadonlySet<string>; open: ReadonlySet<string> };
  /** A pipeline prefix on stage codes (`C6:` in `C6:WON`), compared without it too. */
  stagePrefix?: RegExp;
  identity: (parts: readonly (string | undefined)[], fallback: readonly string[]) => string;
};

export type MappedDeal = {
  candidate: Record<string, unknown>;
  owner: NamedRef;
  product?: NamedRef;
  customer?: NamedRef & { region?: string };
  notes: RowNote[];
  /** The row's own update time, for choosing between rows of one id; undefined when it has none. */
  updated?: number;
  currencySource?: CurrencySource;
};

export const UNASSIGNED_OWNER: NamedRef = { id: 'unassigned', name: 'Unassigned' };

/**
 * One export row to a candidate deal and the owner, product and customer it
 * names. Won / lost / open comes from, in order: the status column (or
 * won/closed flags), and only when the file has none, the stage name through
 * the won/lost lists. A close date on an open deal is its forecast (HubSpot and
 * Salesforce write the expected date in `Close Date` until the deal closes).
 */
export function mapDealRow(r: RowCells, cells: readonly string[], context: DealContext): MappedDeal {
  const notes: RowNote[] = [];
  const status = dealStatus(r, context, notes);
  const createdAt = r.date('createdAt');
  let closedAt = r.date('closedAt');
  if (closedAt === undefined && status === 'won') closedAt = r.date('wonAt');
  if (closedAt === undefined && status === 'lost') closedAt = r.date('lostAt');
  let expectedCloseAt = r.date('expectedCloseAt');
  if (status === 'open' && closedAt !== undefined) {
    expectedCloseAt ??= closedAt;
    closedAt = undefined;
  }
  if (status !== 'open' && closedAt === undefined) notes.push({ code: `${status}-without-close-date` });
  if (status === 'open' && createdAt === undefined) notes.push({ code: 'open-without-created-date' });

  const money = r.money('amount', 'currency');
  const amount = money && { minor: money.minor, currency: money.currency };
  if (money && status === 'won' && money.minor < 0) {
    throw new RowError(
      `a won deal with a negative amount (${minorToMajor(money.minor, money.currency)} ${money.currency}): a refund is not a sale`,
      'negative-won',
    );
  }
  const ownerName = r.text('owner');
  const owner = ownerName ? { id: derivedId('owner', nameKey(ownerName)), name: clipText(ownerName, 200) } : UNASSIGNED_OWNER;
  if (!ownerName) notes.push({ code: 'unassigned-owner' });
  const productName = r.text('product');
  const product = productName ? { id: derivedId('product', compactKey(productName) || nameKey(productName)), name: clipText(productName, 200) } : undefined;
  const accountName = r.text('account');
  const region = r.text('region');
  const customer = accountName
    ? { id: derivedId('account', nameKey(accountName)), name: clipText(accountName, 300), region: region && clipText(region, 200) }
    : undefined;
  const sourceText = r.text('source');
  const stage = r.text('stage');
  const pipeline = r.text('pipeline');
  const lostReason = r.text('lostReason');

  const idText = r.text('id');
  if (idText !== undefined && idText.length > 200) throw new RowError(`the id is longer than 200 characters`, 'id');
  const titleText = r.text('title');
  const externalId = idText ?? context.identity([titleText, accountName, productName, ownerName, r.text('createdAt'), pipeline], cells);
  const title = titleText ?? ([accountName, productName].filter(Boolean).join(' · ') || externalId);

  const updated = r.date('updatedAt');
  const candidate: Record<string, unknown> = {
    source: context.source,
    externalId,
    updatedAt: updated ?? context.importedAt ?? Math.max(createdAt ?? 0, closedAt ?? 0),
    title: clipText(title, 500),
    ownerId: owner.id,
    status,
    pipelineId: pipeline && clipText(pipeline, 200),
    stageId: stage && clipText(stage, 200),
    amount,
    probability: r.probability('probability'),
    createdAt,
    closedAt,
    expectedCloseAt,
    lostReason: lostReason && clipText(lostReason, 500),
    channel: sourceText && readChannel(sourceText),
    channelRaw: sourceText && clipText(sourceText, 200),
    customerId: customer?.id,
    region: region && clipText(region, 200),
    lineItems: product && amount ? [{ productId: product.id, name: product.name, quantity: 1, unitPrice: amount }] : [],
  };
  // Only when the file has one: an undefined key costs the schema check of every row (measured: +70 % per deal).
  const lastActivityAt = r.date('lastActivityAt');
  if (lastActivityAt !== undefined) candidate.lastActivityAt = lastActivityAt;
  return { candidate, owner, product, customer, notes, updated, currencySource: money?.source };
}

function dealStatus(r: RowCells, context: DealContext, notes: RowNote[]): DealStatus {
  const statusText = r.text('status');
  if (statusText !== undefined) {
    const reading = readDealStatus(statusText, context.explicitWon, context.explicitLost, context.statusCodes);
    if (reading === 'deleted') throw new RowError(`the deal is deleted in the CRM (status ${JSON.stringify(statusText)})`, 'deleted');
    if (reading !== 'unknown') return reading;
    notes.push({ code: 'unknown-status', example: statusText });
    return 'open';
  }
  const stage = r.text('stage');
  const byStage = stage === undefined ? undefined : readStageStatus(stage, context.stageWon, context.stageLost, context.stagePrefix);
  const won = r.boolean('isWon');
  const closed = r.boolean('isClosed');
  if (won === true) return 'won';
  if (closed === false) return 'open';
  if (closed === true) {
    if (won === false || byStage === 'lost') return 'lost';
    if (byStage === 'won') return 'won';
    notes.push({ code: 'closed-unknown-outcome', example: stage ?? '' });
    return 'lost';
  }
  if (byStage === 'won' || byStage === 'lost') notes.push({ code: 'status-from-stage' });
  return byStage ?? 'open';
}

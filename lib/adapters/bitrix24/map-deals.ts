import type { StageVisit } from '../../model';
import type { Mapped } from '../map';
import { type BitrixMapContext, bxChannel, bxDate, bxMoney, bxTime, clipText, compact, readItem } from './map-common';
import { dealSchema, stageHistorySchema } from './schemas';

const STATUS_BY_SEMANTIC: Record<string, 'won' | 'lost' | 'open'> = { S: 'won', F: 'lost', P: 'open' };

/** A deal's stage visits by deal id, from crm.stagehistory.list items (entityTypeId 2). */
export type StageHistory = ReadonlyMap<string, readonly StageVisit[]>;

/**
 * Stage history rows → visits per deal, in time order. Every row (creation,
 * move, close, change of pipeline) is the deal entering STAGE_ID at
 * CREATED_TIME. Rows that cannot be read are counted, not guessed at.
 */
export function collectStageHistory(items: readonly unknown[]): { history: Map<string, StageVisit[]>; unreadable: number } {
  const history = new Map<string, StageVisit[]>();
  let unreadable = 0;
  for (const raw of items) {
    const row = stageHistorySchema.safeParse(raw);
    const stageId = row.success ? (row.data.STAGE_ID ?? row.data.STATUS_ID) : undefined;
    const enteredAt = row.success ? bxTime(row.data.CREATED_TIME) : undefined;
    if (!row.success || !stageId || enteredAt === undefined) {
      unreadable += 1;
      continue;
    }
    const visits = history.get(row.data.OWNER_ID) ?? [];
    visits.push({ stageId, enteredAt });
    history.set(row.data.OWNER_ID, visits);
  }
  for (const visits of history.values()) visits.sort((a, b) => a.enteredAt - b.enteredAt);
  return { history, unreadable };
}

/**
 * A Bitrix24 deal. Won / lost / open come from STAGE_SEMANTIC_ID (S / F / P),
 * the stage's own semantics; a deal flagged CLOSED = N is open. A deal that
 * says neither is rejected rather than guessed from its stage name. A closed
 * deal closed when it moved to its final stage (MOVED_TIME), else on its
 * CLOSEDATE; an open deal is expected to close on CLOSEDATE. BEGINDATE is the
 * first contact. OPPORTUNITY is in CURRENCY_ID (the portal's base currency when
 * absent); OPPORTUNITY_ACCOUNT is Bitrix24's own conversion to the account
 * currency.
 */
export function mapDeal(raw: unknown, ctx: BitrixMapContext, history: StageHistory = new Map()): Mapped {
  const read = readItem(dealSchema, raw, 'deal', 'deal');
  if (!read.ok) return read.mapped;
  const deal = read.item;
  const externalId = deal.ID;
  const status = STATUS_BY_SEMANTIC[deal.STAGE_SEMANTIC_ID?.toUpperCase() ?? ''] ?? (deal.CLOSED === 'N' ? 'open' : undefined);
  if (!status)
    return { type: 'deal', reject: 'no STAGE_SEMANTIC_ID (nor CLOSED = N): cannot tell won, lost or open without guessing from the stage name', externalId };
  if (!deal.ASSIGNED_BY_ID) return { type: 'deal', reject: 'the deal has no responsible user (ASSIGNED_BY_ID)', externalId };
  const amount = bxMoney(deal.OPPORTUNITY, deal.CURRENCY_ID, ctx.baseCurrency);
  if (typeof amount === 'string') return { type: 'deal', reject: amount, externalId };
  const converted = bxMoney(deal.OPPORTUNITY_ACCOUNT, deal.ACCOUNT_CURRENCY_ID);
  const updatedAt = bxTime(deal.DATE_MODIFY) ?? bxTime(deal.DATE_CREATE);
  if (updatedAt === undefined) return { type: 'deal', reject: 'the deal has neither DATE_MODIFY nor DATE_CREATE', externalId };
  const closeDay = bxDate(deal.CLOSEDATE, ctx.timeZone);
  const probability = deal.PROBABILITY === null || deal.PROBABILITY === undefined || deal.PROBABILITY === '' ? undefined : Number(deal.PROBABILITY);
  const visits = history.get(externalId);
  return {
    type: 'deal',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt,
      url: `${ctx.appUrl}/crm/deal/details/${externalId}/`,
      title: clipText(deal.TITLE ?? '', 500),
      ownerId: deal.ASSIGNED_BY_ID,
      status,
      pipelineId: deal.CATEGORY_ID,
      stageId: deal.STAGE_ID ?? undefined,
      amount,
      convertedAmount: typeof converted === 'string' ? undefined : converted,
      probability: probability !== undefined && Number.isFinite(probability) && probability >= 0 && probability <= 100 ? probability : undefined,
      createdAt: bxTime(deal.DATE_CREATE),
      closedAt: status === 'open' ? undefined : (bxTime(deal.MOVED_TIME) ?? closeDay),
      expectedCloseAt: status === 'open' ? closeDay : undefined,
      firstContactAt: bxDate(deal.BEGINDATE, ctx.timeZone),
      ...bxChannel(deal.SOURCE_ID),
      customerId: deal.COMPANY_ID,
      stageHistory: visits && visits.length > 0 ? visits.slice(-1000) : undefined,
      lastActivityAt: bxTime(deal.LAST_ACTIVITY_TIME),
    }),
  };
}

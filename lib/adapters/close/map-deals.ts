import type { Mapped } from '../map';
import { centsToMoney, clipText, closeDate, closeTime, type CloseMapContext, compact, leadUrl, readItem } from './map-common';
import { opportunitySchema } from './schemas';

const STATUS: Record<string, 'open' | 'won' | 'lost'> = { active: 'open', won: 'won', lost: 'lost' };

/**
 * A Close opportunity is a deal. Won / lost / open come from its status type
 * (`won`, `lost`, `active`), never from the status label the team renamed. The
 * deal's probability is the rep's `confidence`: Close statuses carry none.
 * `date_won` is the close date: the day it was won, or for an active
 * opportunity the day it is expected to close. A monthly or annual value is
 * recurring revenue: the amount stays the CRM's value for its period and `mrr`
 * is its monthly equivalent (annual ÷ 12, rounded to the cent).
 */
export function mapOpportunity(raw: unknown, ctx: CloseMapContext): Mapped {
  const read = readItem(opportunitySchema, raw, 'deal', 'opportunity');
  if (!read.ok) return read.mapped;
  const opp = read.item;
  const status = STATUS[opp.status_type];
  if (!status) return { type: 'deal', reject: `unknown status type ${clipText(opp.status_type, 40)}`, externalId: opp.id };
  if (!opp.user_id) return { type: 'deal', reject: 'the opportunity has no user (owner)', externalId: opp.id };
  const amount = centsToMoney(opp.value, opp.value_currency);
  if (typeof amount === 'string') return { type: 'deal', reject: amount, externalId: opp.id };
  const closeDay = closeDate(opp.date_won, ctx.timeZone);
  const confidence = opp.confidence;
  return {
    type: 'deal',
    candidate: compact({
      source: ctx.source,
      externalId: opp.id,
      updatedAt: closeTime(opp.date_updated),
      url: leadUrl(ctx, opp.lead_id),
      title: clipText(opp.lead_name || opp.note || '', 500),
      ownerId: opp.user_id,
      status,
      pipelineId: opp.pipeline_id ?? undefined,
      stageId: opp.status_id ?? undefined,
      amount,
      mrr: amount ? monthly(amount, opp.value_period) : undefined,
      probability: confidence !== null && confidence !== undefined && confidence >= 0 && confidence <= 100 ? confidence : undefined,
      createdAt: closeTime(opp.date_created),
      closedAt: status === 'won' ? closeDay : status === 'lost' ? closeTime(opp.date_lost) : undefined,
      expectedCloseAt: status === 'open' ? closeDay : undefined,
      customerId: opp.lead_id ?? undefined,
    }),
  };
}

function monthly(amount: { minor: number; currency: string }, period: string | null | undefined) {
  if (period === 'monthly') return amount;
  if (period === 'annual') return { minor: Math.round(amount.minor / 12), currency: amount.currency };
  return undefined;
}

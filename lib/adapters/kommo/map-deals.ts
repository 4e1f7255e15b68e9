import type { Mapped } from '../map';
import {
  compact,
  clipText,
  companyRef,
  contactRef,
  fromUnix,
  type KommoMapContext,
  LOST_STATUS_ID,
  priceToMoney,
  readItem,
  stageRef,
  userRef,
  WON_STATUS_ID,
} from './map-common';
import { deletedLeadSchema, leadSchema, type RawLead } from './schemas';

export type DealOutcome = { mapped: Mapped } | { deleted: string };

/**
 * An amoCRM lead is a deal. Won and lost come from the system statuses 142
 * ("Успешно реализовано") and 143 ("Закрыто и не реализовано"), which every
 * pipeline has; any other status is an open deal. The value is
 * `price_with_minor_units` where sent (it keeps the kopecks/cents, 100.50),
 * else `price`, whole units with the fraction cut off, both in the account
 * currency. The customer is the first linked company, or the main contact for
 * deals with people only (B2C).
 */
export function mapLead(raw: unknown, ctx: KommoMapContext): DealOutcome {
  const read = readItem(leadSchema, raw, 'deal', 'lead');
  if (!read.ok) return { mapped: read.mapped };
  const lead = read.item;
  if (lead.is_deleted) return { deleted: lead.id };
  const ownerId = userRef(lead.responsible_user_id);
  if (!ownerId) return { mapped: { type: 'deal', reject: 'the lead has no responsible user', externalId: lead.id } };
  const amount = priceToMoney(lead.price_with_minor_units ?? lead.price, ctx.currency);
  if (typeof amount === 'string') return { mapped: { type: 'deal', reject: amount, externalId: lead.id } };
  const status = lead.status_id === WON_STATUS_ID ? 'won' : lead.status_id === LOST_STATUS_ID ? 'lost' : 'open';
  const lossReason = lead._embedded?.loss_reason?.[0]?.name;
  return {
    mapped: {
      type: 'deal',
      candidate: compact({
        source: ctx.source,
        externalId: lead.id,
        updatedAt: fromUnix(lead.updated_at),
        url: `${ctx.appUrl}/leads/detail/${lead.id}`,
        title: clipText(lead.name ?? '', 500),
        ownerId,
        status,
        pipelineId: lead.pipeline_id,
        stageId: stageRef(lead.pipeline_id, lead.status_id),
        amount,
        createdAt: fromUnix(lead.created_at),
        closedAt: status === 'open' ? undefined : fromUnix(lead.closed_at),
        lostReason: status === 'lost' ? clipText(lossReason, 500) : undefined,
        customerId: customerOf(lead),
      }),
    },
  };
}

function customerOf(lead: RawLead): string | undefined {
  const company = lead._embedded?.companies?.[0];
  if (company) return companyRef(company.id);
  const contacts = lead._embedded?.contacts ?? [];
  const main = contacts.find((contact) => contact.is_main) ?? contacts[0];
  return main ? contactRef(main.id) : undefined;
}

/**
 * An item of `/leads?with=only_deleted`: a lead deleted in amoCRM (still in its
 * recycle bin), reported only by id. It is reported as deleted so the deal
 * leaves the local data too.
 */
export function mapDeletedLead(raw: unknown): DealOutcome {
  const read = readItem(deletedLeadSchema, raw, 'deal', 'deleted lead');
  return read.ok ? { deleted: read.item.id } : { mapped: read.mapped };
}

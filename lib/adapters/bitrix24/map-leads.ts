import type { Mapped } from '../map';
import { type BitrixMapContext, bxChannel, bxTime, clipText, compact, readItem } from './map-common';
import { leadSchema } from './schemas';

const STATUS_BY_SEMANTIC: Record<string, 'converted' | 'disqualified' | 'open'> = { S: 'converted', F: 'disqualified', P: 'open' };

/**
 * A Bitrix24 lead. Converted / junk / in progress come from STATUS_SEMANTIC_ID
 * (S / F / P), never from the status name. A converted lead converted when it
 * closed (DATE_CLOSED); the company it became, where set, is its customer.
 */
export function mapLead(raw: unknown, ctx: BitrixMapContext): Mapped {
  const read = readItem(leadSchema, raw, 'lead', 'lead');
  if (!read.ok) return read.mapped;
  const lead = read.item;
  const externalId = lead.ID;
  const status = STATUS_BY_SEMANTIC[lead.STATUS_SEMANTIC_ID?.toUpperCase() ?? ''];
  if (!status)
    return {
      type: 'lead',
      reject: `no STATUS_SEMANTIC_ID (status ${clipText(lead.STATUS_ID ?? 'missing', 40)}): cannot tell converted from open without guessing`,
      externalId,
    };
  const createdAt = bxTime(lead.DATE_CREATE);
  if (createdAt === undefined) return { type: 'lead', reject: 'the lead has no readable DATE_CREATE', externalId };
  const person = [lead.NAME, lead.LAST_NAME].filter((part) => part && part.trim()).join(' ');
  return {
    type: 'lead',
    candidate: compact({
      source: ctx.source,
      externalId,
      updatedAt: bxTime(lead.DATE_MODIFY) ?? createdAt,
      url: `${ctx.appUrl}/crm/lead/details/${externalId}/`,
      name: clipText(lead.TITLE?.trim() || person || undefined, 300),
      ownerId: lead.ASSIGNED_BY_ID,
      createdAt,
      status,
      ...bxChannel(lead.SOURCE_ID),
      convertedAt: status === 'converted' ? bxTime(lead.DATE_CLOSED) : undefined,
      convertedCustomerId: status === 'converted' ? lead.COMPANY_ID : undefined,
      region: clipText(lead.ADDRESS_REGION?.trim() || lead.ADDRESS_COUNTRY?.trim() || undefined, 200),
    }),
  };
}

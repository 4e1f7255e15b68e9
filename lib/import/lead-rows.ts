import type { NamedRef, RowNote } from './deal-rows';
import { derivedId } from './ids';
import { RowError, type RowCells } from './row-cells';
import { clipText, nameKey } from './text';
import { readChannel, readLeadStatus } from './vocabulary';

export type LeadContext = {
  source: string;
  importedAt?: number;
  identity: (parts: readonly (string | undefined)[], fallback: readonly string[]) => string;
};

export type MappedLead = { candidate: Record<string, unknown>; owner?: NamedRef; notes: RowNote[]; updated?: number };

/**
 * One export row to a candidate lead. Lead conversion is a cohort of leads by
 * created date, so a lead without one cannot be counted and is rejected. A
 * conversion date makes the lead converted whatever its status says; else the
 * status (or HubSpot's lifecycle stage) decides.
 */
export function mapLeadRow(r: RowCells, cells: readonly string[], context: LeadContext): MappedLead {
  const notes: RowNote[] = [];
  const createdAt = r.date('createdAt');
  if (createdAt === undefined) throw new RowError('the lead has no created date (lead conversion counts leads by the date they were created)', 'no-date');
  const convertedAt = r.date('convertedAt');
  const statusText = r.text('status');
  const lifecycle = r.text('lifecycleStage');
  let status = convertedAt !== undefined ? 'converted' : statusText !== undefined ? readLeadStatus(statusText) : 'open';
  if (status === 'open' && lifecycle !== undefined && readLeadStatus(lifecycle) === 'converted') status = 'converted';
  if (status === 'converted' && convertedAt === undefined) notes.push({ code: 'converted-without-date' });

  const ownerName = r.text('owner');
  const owner = ownerName ? { id: derivedId('owner', nameKey(ownerName)), name: clipText(ownerName, 200) } : undefined;
  const name = r.text('name') ?? ([r.text('firstName'), r.text('lastName')].filter(Boolean).join(' ') || undefined);
  const sourceText = r.text('source');
  const idText = r.text('id');
  if (idText !== undefined && idText.length > 200) throw new RowError('the id is longer than 200 characters', 'id');
  const externalId = idText ?? context.identity([name, ownerName, r.text('createdAt'), sourceText], cells);
  const region = r.text('region');
  const updated = r.date('updatedAt');
  const candidate: Record<string, unknown> = {
    source: context.source,
    externalId,
    updatedAt: updated ?? context.importedAt ?? createdAt,
    name: name && clipText(name, 300),
    ownerId: owner?.id,
    createdAt,
    status,
    channel: sourceText && readChannel(sourceText),
    channelRaw: sourceText && clipText(sourceText, 200),
    mqlAt: r.date('mqlAt'),
    sqlAt: r.date('sqlAt'),
    convertedAt,
    region: region && clipText(region, 200),
  };
  return { candidate, owner, notes, updated };
}

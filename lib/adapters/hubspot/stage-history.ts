import type { StageVisit } from '../../model';
import { CrmError } from '../errors';
import { parseTimestamp } from '../map';
import { finishVisits } from '../stage-visits';
import { HUBSPOT_LABEL, hubspotRequest, type HubspotContext } from './client';
import { type CrmObject, crmObjectSchema, pipelineSchema, pipelinesSchema, stageSchema } from './schemas';

/**
 * Stage history from the deal itself: HubSpot keeps, per pipeline stage, when
 * the deal entered it, in `hs_v2_date_entered_<stageId>` (portals since 2024)
 * and `hs_date_entered_<stageId>` (older ones). Asking for those properties on
 * the pages the deals chain reads anyway costs one request per chain (the
 * pipelines, for the stage ids) where `propertiesWithHistory` would cost one
 * batch read per 50 deals (the list endpoint pages by 50 with history; the
 * search API has no history at all). The price: one entry per stage, so a deal
 * that went back to a stage shows one of its entries there.
 */
export const DATE_ENTERED_PREFIXES = ['hs_v2_date_entered_', 'hs_date_entered_'] as const;

/**
 * The list endpoint carries properties in the URL, which HubSpot refuses past
 * some kilobytes (414); the stage properties stay within this many characters
 * and stages past it keep only their current-stage entry.
 */
export const STAGE_PROPERTIES_MAX_CHARS = 4000;

/** Every stage id of the deal pipelines, as the pipelines object reads them. */
export async function dealStageIds(ctx: HubspotContext): Promise<string[]> {
  const { body } = await hubspotRequest(ctx, 'GET', '/crm/v3/pipelines/deals');
  const parsed = pipelinesSchema.safeParse(body);
  if (!parsed.success)
    throw new CrmError(
      'bad-response',
      `${HUBSPOT_LABEL}'s pipelines answer is not shaped as documented`,
      'If this repeats, report it to KPI Lens with the sync log.',
    );
  const ids = new Set<string>();
  for (const raw of parsed.data.results) {
    const pipeline = pipelineSchema.safeParse(raw);
    if (!pipeline.success) continue;
    for (const rawStage of pipeline.data.stages) {
      const stage = stageSchema.safeParse(rawStage);
      if (stage.success && /^[A-Za-z0-9_-]{1,100}$/.test(stage.data.id)) ids.add(stage.data.id);
    }
  }
  return [...ids];
}

/** The date-entered properties to request for these stages, both variants, within the URL budget. */
export function stageDateProperties(stageIds: readonly string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const id of stageIds) {
    const pair = DATE_ENTERED_PREFIXES.map((prefix) => `${prefix}${id}`);
    // Each name is followed by an encoded comma (%2C) in the URL.
    const cost = pair.reduce((sum, name) => sum + name.length + 3, 0);
    if (chars + cost > STAGE_PROPERTIES_MAX_CHARS) break;
    chars += cost;
    out.push(...pair);
  }
  return out;
}

/**
 * One deal's visits from its date-entered properties (the v2 value where it
 * is set, else the older one), with the current stage (`dealstage`) included;
 * a value that is not a date is skipped and returned for the page's note.
 */
export function dealVisits(raw: unknown, stageIds: readonly string[], updatedAt: number): { visits: StageVisit[] | undefined; unreadable: unknown[] } {
  const parsed = crmObjectSchema.safeParse(raw);
  if (!parsed.success) return { visits: undefined, unreadable: [] };
  const o: CrmObject = parsed.data;
  const visits: StageVisit[] = [];
  const unreadable: unknown[] = [];
  for (const stageId of stageIds) {
    for (const prefix of DATE_ENTERED_PREFIXES) {
      const value = o.properties[`${prefix}${stageId}`];
      if (value === null || value === undefined || value.trim() === '') continue;
      const at = /^\d{10,15}$/.test(value) ? Number(value) : parseTimestamp(value);
      if (at === undefined) {
        unreadable.push({ dealId: o.id, property: `${prefix}${stageId}`, value: value.slice(0, 100) });
        continue;
      }
      visits.push({ stageId, enteredAt: at });
      break;
    }
  }
  const current = o.properties.dealstage ?? undefined;
  const enteredCurrent = current ? visits.find((v) => v.stageId === current)?.enteredAt : undefined;
  return { visits: finishVisits(visits, { stageId: current || undefined, enteredAt: enteredCurrent, updatedAt }), unreadable };
}

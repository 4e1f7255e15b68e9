/**
 * The summary the extension shows: the rep and view the sidebar would show for a source (the signed-in
 * rep from settings.currentOwner, or that rep's team), over the same data (the rep's own quotas and
 * targets from the options winning over the CRM's) with the sidebar's calendar, currency and KPI
 * settings, so the two never disagree.
 */
import type { KpiData } from '../../kpi/types';
import { applyRepInputs } from '../../settings/rep-inputs';
import type { Settings } from '../../settings/schema';
import { queryBasics } from '../../views/query';
import { teamOf } from '../../views/scope';
import { buildWeeklySummary, type SummaryAudience } from './build';
import type { WeeklySummary } from './types';
import { resolveWeek, shiftWeek } from './week';

export type SummaryRequest = { source: string; view: 'personal' | 'team'; week?: string };

export type SummaryReply = {
  /** Null when the source holds no deals and no activities yet. */
  summary: WeeklySummary | null;
  /** The week shown and its neighbours, for the page's week buttons; `next` only once it has started. */
  weeks: { current: string; previous: string; next?: string };
  view: 'personal' | 'team';
  /** A team view exists: the rep is known and belongs to a team. */
  teamAvailable: boolean;
};

export function summaryForSource(records: KpiData, settings: Settings, request: SummaryRequest, now: number, browserZone: string): SummaryReply {
  const data = applyRepInputs(records, settings);
  const basics = queryBasics(settings, browserZone, request.source);
  const { week } = resolveWeek(request.week, now, basics.calendar);
  const after = shiftWeek(week, 1, basics.calendar);
  const weeks = { current: week.label, previous: shiftWeek(week, -1, basics.calendar).label, ...(after.start <= now ? { next: after.label } : {}) };
  const ownerId = settings.currentOwner[request.source];
  const owner = ownerId === undefined ? undefined : data.owners.find((candidate) => candidate.externalId === ownerId);
  // The rep's own team, else the team they lead (as the sidebar's team view).
  const teamId = teamOf(data, owner);
  const teamAvailable = teamId !== undefined;
  const view = request.view === 'team' && teamAvailable ? 'team' : 'personal';
  if (data.deals.length === 0 && data.activities.length === 0) return { summary: null, weeks, view, teamAvailable };
  let audience: SummaryAudience;
  if (ownerId === undefined) audience = { everyone: true };
  else if (view === 'team' && teamId !== undefined) audience = { teamId };
  else audience = { ownerId };
  const summary = buildWeeklySummary(data, { now, week: week.label, basics, audience, viewerId: ownerId, showPeerNumbers: settings.showPeerNumbers });
  return { summary, weeks, view, teamAvailable };
}

/**
 * buildWeeklySummary: the personal (or team) weekly summary of issue 6, computed from one source's records
 * through lib/kpi, so every figure the catalogue has reads exactly as the sidebar shows it. Pure: "now"
 * comes in as a parameter and nothing here touches the browser.
 */
import type { KpiData, KpiQuery } from '../../kpi/types';
import type { Activity, Owner } from '../../model';
import { dealBook } from './deal-refs';
import { sectionOutlook } from './outlook';
import { classifyMoves, movesAvailable, stageBook } from './pipeline-change';
import { buildSection, type SectionContext, type SectionTarget } from './section';
import type { SummarySection, WeeklySummary } from './types';
import { resolveWeek } from './week';

/** Whose summary: one rep, a team (one section per rep after the team's total), or everyone in the data. */
export type SummaryAudience = { ownerId: string } | { teamId: string } | { everyone: true };

export type SummaryOptions = {
  /** "Now": the last full week before it is the default; nothing after it counts (open deals are those at the week's end, or now). */
  now: number;
  /** A week such as `2017-W23` (numbered for the calendar's week start); the last full week when absent. */
  week?: string;
  /** Calendar, currency and KPI settings, exactly as the sidebar builds them (lib/views/query queryBasics). */
  basics: Pick<KpiQuery, 'calendar' | 'currency' | 'settings'>;
  audience: SummaryAudience;
  /** The signed-in rep, for the privacy rule of team summaries. */
  viewerId?: string;
  /** The lead's setting that lets reps see each other's numbers (settings.showPeerNumbers). */
  showPeerNumbers?: boolean;
  /** How many deals each list shows (top open, at risk, each pipeline move). Default 5. */
  listSize?: number;
};

/**
 * The summary of a week. Privacy: a team or everyone summary lists one section per rep only for the
 * team's lead (or an admin) or when peer numbers are shared; any other rep gets only their own
 * section, and the others are counted in `hiddenPeers`. Throws for a malformed week or a week that
 * has not started.
 */
export function buildWeeklySummary(data: KpiData, options: SummaryOptions): WeeklySummary {
  const { basics, now } = options;
  const week = resolveWeek(options.week, now, basics.calendar);
  const stages = stageBook(data.stages);
  let activities: Map<string, Activity> | undefined;
  const ctx: SectionContext = {
    data,
    basics,
    week,
    asOf: now,
    listSize: options.listSize ?? 5,
    deals: dealBook(data, stages, basics.currency),
    activitiesById: () => (activities ??= new Map(data.activities.map((a) => [a.externalId, a]))),
    movements: classifyMoves(data.deals, week.week, stages),
    movesAvailable: movesAvailable(data.deals),
  };
  const owners = new Map(data.owners.map((owner) => [owner.externalId, owner]));
  const nameOf = (id: string) => owners.get(id)?.name ?? id;
  const repTarget = (id: string): SectionTarget => ({ key: id, kind: 'rep', name: nameOf(id), ownerIds: [id], scope: { ownerIds: [id] } });

  const audience = options.audience;
  let total: SectionTarget;
  let members: string[];
  let teamId: string | undefined;
  if ('ownerId' in audience) {
    const section = buildSection(ctx, repTarget(audience.ownerId));
    return finish(ctx, { kind: 'rep', name: section.name }, [section], 0, 0);
  } else if ('teamId' in audience) {
    teamId = audience.teamId;
    members = sortByName(teamMembers(data, teamId), nameOf);
    const name = data.teams.find((team) => team.externalId === teamId)?.name ?? teamId;
    total = { key: 'team', kind: 'team', name, ownerIds: members, scope: { ownerIds: members, teamId } };
  } else {
    members = sortByName(everyOwner(data), nameOf);
    total = { key: 'all', kind: 'all', name: '', ownerIds: members, scope: { ownerIds: 'all' } };
  }
  const audienceInfo = { kind: total.kind, name: total.name } as const;
  const viewer = options.viewerId;
  if (!(options.showPeerNumbers === true || leads(owners.get(viewer ?? ''), data, teamId))) {
    if (viewer !== undefined && members.includes(viewer)) {
      return finish(ctx, audienceInfo, [buildSection(ctx, repTarget(viewer))], members.length - 1, 0);
    }
    return finish(ctx, audienceInfo, [buildSection(ctx, total)], members.length, 0);
  }
  const sections: SummarySection[] = [buildSection(ctx, total)];
  let quiet = 0;
  for (const id of members) {
    const section = buildSection(ctx, repTarget(id));
    // Everyone in a CSV export may hold dozens of past reps: only those with something to report are listed.
    const skip = isQuiet(section) && (total.kind === 'all' || owners.get(id)?.active === false);
    if (skip) quiet += 1;
    else sections.push(section);
  }
  return finish(ctx, audienceInfo, sections, 0, quiet);
}

function finish(ctx: SectionContext, audience: WeeklySummary['audience'], sections: SummarySection[], hiddenPeers: number, quietReps: number): WeeklySummary {
  const { week, previous, firstDay, lastDay, partial, comparison, openAt } = ctx.week;
  return {
    version: 1,
    week: {
      label: week.label,
      start: week.start,
      end: week.end,
      firstDay,
      lastDay,
      previous: { label: previous.label, start: previous.start, end: previous.end },
      ...(partial ? { partial: true as const } : {}),
      comparison: { start: comparison.start, end: comparison.end },
    },
    asOf: ctx.asOf,
    openAt,
    timeZone: ctx.basics.calendar.timeZone,
    currency: ctx.basics.currency.reporting,
    staleDays: ctx.basics.settings.staleDays,
    audience,
    sections: sections.map((section) => ({ ...section, outlook: sectionOutlook({ data: ctx.data, basics: ctx.basics, week, asOf: ctx.asOf }, section) })),
    hiddenPeers,
    quietReps,
  };
}

/** A team's lead (by the team record or the lead role in that team), or an admin, sees every rep. */
function leads(viewer: Owner | undefined, data: KpiData, teamId: string | undefined): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  if (teamId === undefined) return false;
  if (data.teams.some((team) => team.externalId === teamId && team.leadId === viewer.externalId)) return true;
  return viewer.role === 'lead' && viewer.teamId === teamId;
}

/** The team's reps, and its lead when the team names one who sits in no team (as the sidebar counts them). */
function teamMembers(data: KpiData, teamId: string): string[] {
  const members = data.owners.filter((owner) => owner.teamId === teamId).map((owner) => owner.externalId);
  const leadId = data.teams.find((team) => team.externalId === teamId)?.leadId;
  if (leadId !== undefined && !members.includes(leadId) && data.owners.some((owner) => owner.externalId === leadId)) members.push(leadId);
  return members;
}

/** Owner records, plus owner ids that deals or activities name without a record. */
function everyOwner(data: KpiData): string[] {
  const ids = new Set(data.owners.map((owner) => owner.externalId));
  for (const deal of data.deals) ids.add(deal.ownerId);
  for (const activity of data.activities) ids.add(activity.ownerId);
  return [...ids];
}

function sortByName(ids: string[], nameOf: (id: string) => string): string[] {
  const key = (id: string) => [nameOf(id), id] as const;
  return ids.sort((a, b) => {
    const [na, ia] = key(a);
    const [nb, ib] = key(b);
    return na < nb ? -1 : na > nb ? 1 : ia < ib ? -1 : ia > ib ? 1 : 0;
  });
}

function isQuiet(section: SummarySection): boolean {
  const activity = section.activities?.some((line) => line.value > 0) ?? false;
  const deals = section.deals ? section.deals.created.value + section.deals.won.value + section.deals.lost.value > 0 : false;
  return !activity && !deals && (section.pipeline?.openDeals ?? 0) === 0;
}

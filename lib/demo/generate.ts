import type { Activity, MrrMovement } from '../model';
import { customerActivities, dealActivities, internalActivities, leadActivities } from './activities';
import type { ActivityDraft } from './activity-make';
import { agendaActivities } from './agenda';
import { addDays, addMonths, assertTimeZone, createCalendar, instantToLocalDate, localMidnight } from './calendar';
import { createCompanyFactory } from './company';
import type { DemoContext } from './context';
import { manageClosings } from './closing';
import { simulateCustomers } from './customers';
import { expansionClosingRules } from './expansion-closing';
import { newBusinessDeals, type DealTrack } from './deals';
import { relabelDeals } from './expansion';
import { generateLeads } from './leads';
import { keepOneForgotten } from './forgotten';
import { createOrg, referenceRecords } from './org';
import { quotaRecords, spendRecords } from './plan';
import { quotaPlan } from './quota-plan';
import { createRng } from './random';
import { targetRecords } from './targets';
import type { DemoDataSet, DemoOptions } from './types';

/** Volumes at scale 1. Deals and activities follow from these through conversion and activity rates. */
const LEADS = 3000;
const DIRECT_DEALS = 800;
/** Days after asOf the calendar covers: expected close dates and scheduled activities fall in it. */
const HORIZON_DAYS = 220;

function checkedOptions(options: DemoOptions) {
  const { asOf, seed = 1, scale = 1, timeZone = 'Europe/Berlin', source = 'demo' } = options;
  if (!Number.isSafeInteger(asOf)) throw new RangeError(`demo data: asOf must be a whole number of ms, got ${String(asOf)}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo data: seed must be an integer, got ${String(seed)}`);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new RangeError(`demo data: scale must be in (0, 100], got ${String(scale)}`);
  if (source.trim() === '') throw new RangeError('demo data: source must not be empty');
  assertTimeZone(timeZone);
  const urlBase = (options.urlBase ?? 'http://localhost:5179').replace(/\/+$/, '');
  let protocol = '';
  try {
    protocol = new URL(urlBase).protocol;
  } catch {
    // reported below
  }
  if (protocol !== 'http:' && protocol !== 'https:') throw new RangeError(`demo data: urlBase must be an http(s) URL, got "${urlBase}"`);
  return { asOf, seed, scale, timeZone, source, urlBase };
}

/**
 * The built-in demo CRM: a seeded, deterministic data set covering the 12 months
 * before asOf's month plus the days of that month (and a quarter of history before,
 * so the first month already has a pipeline and customers). Same options → deep-equal
 * output; nothing here reads the clock or Math.random.
 */
export function generateDemoData(options: DemoOptions): DemoDataSet {
  const { asOf, seed, scale, timeZone, source, urlBase } = checkedOptions(options);
  const today = instantToLocalDate(asOf, timeZone);
  const currentMonth = today.slice(0, 7);
  const firstMonth = addMonths(currentMonth, -12);
  const historyMonth = addMonths(firstMonth, -3);
  const ctx: DemoContext = {
    source,
    asOf,
    scale,
    cal: createCalendar(`${historyMonth}-01`, addDays(today, HORIZON_DAYS), timeZone),
    windowStart: localMidnight(`${firstMonth}-01`, timeZone),
    historyStart: localMidnight(`${historyMonth}-01`, timeZone),
    firstMonth,
    currentMonth,
    // Demo ids are plain ASCII (`deal-12`), safe in a path as they are.
    url: (path, id) => `${urlBase}/${path}/${id}`,
  };

  const root = createRng(seed, 'demo');
  const org = createOrg(root.fork('org'), scale);
  const reference = referenceRecords(ctx, org);
  const newCompany = createCompanyFactory(root.fork('companies'));
  const { tracks: leadTracks, conversions } = generateLeads(ctx, root.fork('leads'), org, newCompany, Math.round(LEADS * scale));
  const nbDeals = newBusinessDeals(ctx, root.fork('deals'), org, conversions, newCompany, Math.round(DIRECT_DEALS * scale));
  // Each team's quotas follow what it sells; then reps time their closes against them.
  const nbPlan = quotaPlan(ctx, 'nb', org.byTeam.nb, nbDeals);
  manageClosings(ctx, root.fork('closing-nb'), org.byTeam.nb, nbDeals, nbPlan, { reopen: true });
  keepOneForgotten(ctx, nbDeals, org.currentOwnerId);
  const wins = nbDeals.filter((track) => track.deal.status === 'won');
  const sim = simulateCustomers(ctx, root.fork('customers'), org, wins);
  const expPlan = quotaPlan(ctx, 'exp', org.byTeam.exp, sim.deals);
  manageClosings(ctx, root.fork('closing-exp'), org.byTeam.exp, sim.deals, expPlan, expansionClosingRules(ctx, sim.customers, sim.movements));
  const deals = relabelDeals(ctx, [...nbDeals, ...sim.deals]);

  const drafts: ActivityDraft[] = [];
  const activityRng = root.fork('activities');
  for (const track of deals) dealActivities(ctx, activityRng, track, drafts);
  for (const track of leadTracks) leadActivities(ctx, activityRng, track, drafts);
  for (const track of sim.customers) customerActivities(ctx, activityRng, track, drafts);
  internalActivities(ctx, activityRng, org, drafts);
  const current = org.reps.find((rep) => rep.id === org.currentOwnerId);
  if (current) agendaActivities(ctx, root.fork('agenda'), current, deals, drafts);
  const activities = finishActivities(ctx, drafts);
  finishDeals(deals, activities);

  const mrrMovements: MrrMovement[] = sim.movements.sort((a, b) => a.at - b.at).map((movement, i) => ({ ...movement, externalId: `mrr-${i + 1}` }));

  return {
    ...reference,
    deals: deals.map((track) => track.deal),
    activities,
    leads: leadTracks.map((track) => track.lead),
    customers: sim.customers.map((track) => track.customer),
    mrrMovements,
    spend: spendRecords(ctx, root.fork('spend')),
    quotas: quotaRecords(ctx, org, { nb: nbPlan, exp: expPlan }),
    targets: targetRecords(ctx, org, activities),
    currentOwnerId: org.currentOwnerId,
    teamLeadOwnerId: org.teamLeadOwnerId,
    seed,
    asOf,
  };
}

/** Ids in time order (`activity-1` is the oldest), as a CRM hands them out. */
function finishActivities(ctx: DemoContext, drafts: ActivityDraft[]): Activity[] {
  drafts.sort((a, b) => a.occurredAt - b.occurredAt);
  // Completed in place: copying 30,000 objects would only feed the garbage collector.
  const activities: Activity[] = drafts;
  activities.forEach((activity, i) => {
    activity.source = ctx.source;
    activity.externalId = `activity-${i + 1}`;
    activity.url = ctx.url('activities', activity.externalId);
  });
  return activities;
}

/** A deal's last activity and last change, from what happened on it up to asOf. */
function finishDeals(deals: readonly DealTrack[], activities: readonly Activity[]): void {
  const last = new Map<string, number>();
  for (const activity of activities) {
    if (!activity.done || activity.dealId === undefined) continue;
    last.set(activity.dealId, Math.max(last.get(activity.dealId) ?? activity.occurredAt, activity.occurredAt));
  }
  for (const { deal } of deals) {
    const lastActivityAt = last.get(deal.externalId);
    if (lastActivityAt !== undefined) deal.lastActivityAt = lastActivityAt;
    const lastStage = deal.stageHistory?.[deal.stageHistory.length - 1]?.enteredAt;
    deal.updatedAt = Math.max(deal.createdAt ?? 0, deal.closedAt ?? 0, lastStage ?? 0, lastActivityAt ?? 0);
  }
}

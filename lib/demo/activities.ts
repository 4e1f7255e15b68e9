import { DAY_MS } from '../period/units';
import { anyTime } from './calendar';
import { NB_DEMO_STAGE } from './catalog';
import { speaksRussian } from './company';
import type { DemoContext } from './context';
import type { CustomerTrack } from './customers';
import type { DealTrack } from './deals';
import type { LeadTrack } from './leads';
import { makeActivity, type ActivityDraft, type ActivityKind } from './activity-make';
import { stageId, type Org } from './org';
import type { Rng } from './random';

/** How reps split their work on a deal, by pipeline: hunters call and email, account managers meet. */
const DEAL_MIX: Record<'nb' | 'exp', readonly (readonly [ActivityKind, number])[]> = {
  nb: [
    ['call', 36],
    ['email', 32],
    ['meeting', 10],
    ['sms', 6],
    ['task', 16],
  ],
  exp: [
    ['call', 30],
    ['email', 35],
    ['meeting', 17],
    ['sms', 3],
    ['task', 15],
  ],
};

/** Days a lead is prospected before it goes quiet (see leads.ts). */
const LEAD_WORK_DAYS = 21;

/** Tunes the total to about 30,000 activities at scale 1. */
const DEAL_INTENSITY = 1.15;

/**
 * Places activities in working hours, with a few at odd times (a call at 20:00,
 * an email on Sunday), as real CRM logs have.
 */
function when(ctx: DemoContext, rng: Rng, from: number, to: number): number {
  if (to <= from) return from;
  return rng.chance(0.04) ? anyTime(rng, from, to) : ctx.cal.workTime(rng, from, to);
}

/** Everything done on a deal: touches through its life, its demo, the next step booked for an open deal. */
export function dealActivities(ctx: DemoContext, rng: Rng, track: DealTrack, out: ActivityDraft[]): void {
  const { deal, rep, timeline } = track;
  const createdAt = deal.createdAt ?? ctx.historyStart;
  const until = Math.min(timeline.activeUntil, ctx.asOf);
  const company = { name: track.company.name, russian: speaksRussian(track.company) };
  const links = { dealId: deal.externalId };
  const add = (kind: ActivityKind, at: number, done = at <= ctx.asOf) => {
    const draft = makeActivity(rng, kind, rep, at, done, company, links);
    out.push(draft);
    return draft;
  };

  // Touches spread over the deal's whole planned life; for a deal still in flight only those up to
  // asOf have happened. (Squeezing them all into the part lived so far would make every rep look
  // twice as busy this week as in any past week.)
  const live = deal.status === 'open' && !timeline.stalled;
  const lifeEnd = live ? Math.max(until, timeline.plannedEnd) : until;
  const days = (lifeEnd - createdAt) / DAY_MS;
  const count = rng.count(Math.min(25, (2 + days / 4.5) * rep.activity * DEAL_INTENSITY));
  for (let i = 0; i < count; i += 1) {
    const at = when(ctx, rng, createdAt, lifeEnd);
    if (at <= until) add(rng.weighted(DEAL_MIX[track.pipeline]), at);
  }

  // Cold outreach before an outbound deal was opened, tracked for the 30/30/50 benchmark.
  if (deal.firstContactAt !== undefined && !track.lead && (deal.channel === 'email' || deal.channel === 'call')) {
    const emails = rng.int(1, 3);
    for (let i = 0; i < emails; i += 1) add('cold-email', ctx.cal.workTime(rng, deal.firstContactAt, createdAt));
  }

  // The demo of a New Business deal, booked a few days before; some go on to a trial.
  if (track.pipeline === 'nb') {
    const demoStage = deal.stageHistory?.find((visit) => visit.stageId === stageId('nb', NB_DEMO_STAGE));
    const previous = deal.stageHistory?.find((visit) => visit.stageId === stageId('nb', NB_DEMO_STAGE - 1));
    let demoAt: number | undefined;
    if (demoStage) demoAt = ctx.cal.workTimeFrom(rng, demoStage.enteredAt + rng.int(0, 2) * DAY_MS);
    else if (deal.status === 'open' && !timeline.stalled && previous && rng.chance(0.45)) {
      demoAt = ctx.cal.workTimeFrom(rng, ctx.asOf + rng.int(0, 9) * DAY_MS);
    }
    if (demoAt !== undefined && ((deal.status === 'open' && !timeline.stalled) || demoAt <= until)) {
      const trial = rng.chance(0.18);
      const demo = add(trial ? 'trial' : 'demo', demoAt);
      const bookedAt = Math.max(createdAt, demoAt - rng.int(1, 7) * DAY_MS);
      demo.createdAt = Math.min(ctx.asOf, ctx.cal.workTime(rng, bookedAt, Math.min(demoAt, ctx.asOf)));
      demo.updatedAt = demo.done ? demoAt : demo.createdAt;
    }
  }

  if (deal.status !== 'open' || timeline.stalled) return;
  // Many live deals were touched in the last days; the rest drift towards "at risk".
  if (rng.chance(0.15)) add(rng.weighted(DEAL_MIX[track.pipeline]), when(ctx, rng, Math.max(createdAt, ctx.asOf - 10 * DAY_MS), ctx.asOf));
  const next = rng.weighted([
    [0, 15],
    [1, 65],
    [2, 20],
  ] as const);
  for (let i = 0; i < next; i += 1) {
    const scheduled = add(
      rng.weighted<ActivityKind>([
        ['call', 45],
        ['meeting', 30],
        ['task', 25],
      ]),
      ctx.cal.workTime(rng, ctx.asOf + 1, ctx.asOf + 14 * DAY_MS),
      false,
    );
    scheduled.createdAt = Math.max(createdAt, ctx.asOf - rng.int(0, 5 * 24) * 3_600_000);
    scheduled.updatedAt = scheduled.createdAt;
  }
}

/** Prospecting on a lead until it converts, is disqualified or goes quiet; cold channels get tracked cold emails. */
export function leadActivities(ctx: DemoContext, rng: Rng, track: LeadTrack, out: ActivityDraft[]): void {
  if (!track.rep) return;
  const { lead } = track;
  const company = { name: track.company.name, russian: speaksRussian(track.company) };
  const count = 1 + rng.count(1.3 * track.rep.activity);
  const mix: readonly (readonly [ActivityKind, number])[] = track.cold
    ? [
        ['cold-email', 62],
        ['call', 32],
        ['sms', 6],
      ]
    : [
        ['call', 50],
        ['email', 38],
        ['meeting', 12],
      ];
  // An open lead is worked over its planned three weeks; what falls after asOf has not happened yet.
  const until = Math.max(lead.createdAt, track.activeUntil);
  const end = lead.status === 'open' ? Math.max(until, lead.createdAt + LEAD_WORK_DAYS * DAY_MS) : until;
  for (let i = 0; i < count; i += 1) {
    const at = when(ctx, rng, lead.createdAt, end);
    if (at <= until) out.push(makeActivity(rng, rng.weighted(mix), track.rep, at, true, company, { leadId: lead.externalId }));
  }
}

/** Account management: check-in calls and business reviews while the customer pays. */
export function customerActivities(ctx: DemoContext, rng: Rng, track: CustomerTrack, out: ActivityDraft[]): void {
  const company = { name: track.customer.name, russian: track.russian };
  for (const [from, to] of track.active) {
    const count = rng.count(((to - from) / (30 * DAY_MS)) * 0.9 * track.manager.activity);
    for (let i = 0; i < count; i += 1) {
      const at = ctx.cal.workTime(rng, from, to);
      out.push(makeActivity(rng, 'check-in', track.manager, at, true, company, { customerId: track.customer.externalId }));
    }
  }
}

/** Internal work not tied to a record: forecasts, pipeline reviews. About one every two weeks per person. */
export function internalActivities(ctx: DemoContext, rng: Rng, org: Org, out: ActivityDraft[]): void {
  const weeks = (ctx.asOf - ctx.historyStart) / (7 * DAY_MS);
  for (const rep of org.reps) {
    const count = rng.count(weeks * 0.5);
    for (let i = 0; i < count; i += 1) {
      out.push(makeActivity(rng, 'internal', rep, ctx.cal.workTime(rng, ctx.historyStart, ctx.asOf), true, undefined, {}));
    }
  }
}

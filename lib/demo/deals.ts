import { DAY_MS } from '../period/units';
import type { ContactMethod, Deal } from '../model';
import { CHANNEL_RAW, DEMO_EXCHANGE_RATES, DIRECT_CHANNELS, LOST_REASONS, PIPELINES, WENT_DARK, type PipelineKey, type PlanKey } from './catalog';
import { speaksRussian, type Company } from './company';
import type { DemoContext } from './context';
import { newBusinessOrder, PLAN_NAMES, priceLines, russianSeats, type Priced } from './deal-lines';
import { cycleDays, placeDeal, type Outcome, type Timeline } from './deal-timeline';
import { createDemandCurve } from './demand';
import { pickRep, type Conversion, type LeadTrack } from './leads';
import { pipelineId, type Org, type RepProfile } from './org';
import type { Rng } from './random';

/** A deal plus what activities and customers need to know about it. */
export type DealTrack = {
  deal: Deal;
  rep: RepProfile;
  company: Company;
  pipeline: PipelineKey;
  timeline: Timeline;
  lead?: LeadTrack;
  /** What a won New Business deal makes the customer own. */
  plan?: PlanKey;
  seats?: number;
  mrr: number;
  /** An Expansion deal that wins a churned customer back (its MRR is a reactivation). */
  winBack?: boolean;
};

export type DealInput = {
  id: string;
  pipeline: PipelineKey;
  rep: RepProfile;
  company: Company;
  createdAt: number;
  outcome: Outcome;
  title: string;
  channel: ContactMethod;
  firstContactAt?: number;
  customerId?: string;
  /** Product lines, or a custom project's amount and direct cost (minor units, the company's currency). */
  priced: Priced | { custom: { amount: number; cost: number } };
  lostReasons?: Record<'en' | 'ru', readonly (readonly [string, number])[]>;
};

/** Builds the deal record for an input and lays it out in time. */
export function createDeal(ctx: DemoContext, rng: Rng, input: DealInput): DealTrack {
  const { id, pipeline, rep, company, createdAt, outcome } = input;
  const timeline = placeDeal(ctx, rng, pipeline, createdAt, outcome, cycleDays(rng, pipeline, outcome, rep.cycle));
  const currency = company.currency;
  const deal: Deal = {
    source: ctx.source,
    externalId: id,
    updatedAt: createdAt,
    url: ctx.url('deals', id),
    title: input.title,
    ownerId: rep.id,
    status: timeline.status,
    pipelineId: pipelineId(pipeline),
    stageId: timeline.stageId,
    createdAt,
    expectedCloseAt: timeline.expectedCloseAt,
    channel: input.channel,
    channelRaw: rng.pick(CHANNEL_RAW[speaksRussian(company) ? 'ru' : 'en'][input.channel]),
    region: company.region,
    lineItems: [],
    stageHistory: timeline.stageHistory,
  };
  let mrr = 0;
  // Early open deals are sometimes not sized yet: no amount, no products.
  const unsized = timeline.status === 'open' && timeline.stageIndex === 0 && rng.chance(0.08);
  if (!unsized) {
    if ('custom' in input.priced) {
      deal.amount = { minor: input.priced.custom.amount, currency };
      deal.directCost = { minor: input.priced.custom.cost, currency };
    } else {
      deal.amount = { minor: input.priced.amount, currency };
      deal.lineItems = input.priced.lineItems;
      mrr = input.priced.mrr;
      if (mrr > 0) deal.mrr = { minor: mrr, currency };
    }
    // Like most CRMs, the demo CRM converts EUR to the company currency itself; RUB needs the user's rate.
    if (currency === 'EUR' && deal.amount) {
      deal.convertedAmount = { minor: Math.round(deal.amount.minor * (DEMO_EXCHANGE_RATES.EUR ?? 1)), currency: 'USD' };
    }
  }
  if (input.customerId) deal.customerId = input.customerId;
  if (input.firstContactAt !== undefined) deal.firstContactAt = input.firstContactAt;
  if (timeline.closedAt !== undefined) deal.closedAt = timeline.closedAt;
  const language = speaksRussian(company) ? 'ru' : 'en';
  if (timeline.status === 'lost') deal.lostReason = timeline.wentDark ? WENT_DARK[language] : rng.weighted((input.lostReasons ?? LOST_REASONS)[language]);
  if (timeline.status === 'open' && rng.chance(0.06)) {
    const stageProbability = PIPELINES[pipeline].stages[timeline.stageIndex]?.probability ?? 50;
    deal.probability = Math.max(5, Math.min(95, stageProbability + rng.pick([-15, -10, 10, 15])));
  }
  return { deal, rep, company, pipeline, timeline, mrr };
}

/** Puts a deal where a (new) timeline says it is: its status, stage, history and dates. */
export function applyTimeline(track: DealTrack, timeline: Timeline): void {
  const { deal } = track;
  track.timeline = timeline;
  deal.status = timeline.status;
  deal.stageId = timeline.stageId;
  deal.stageHistory = timeline.stageHistory;
  deal.expectedCloseAt = timeline.expectedCloseAt;
  if (timeline.closedAt === undefined) delete deal.closedAt;
  else deal.closedAt = timeline.closedAt;
  // A probability override is a rep's guess about an open deal; a closed one has none.
  if (timeline.status !== 'open') delete deal.probability;
}

/** A New Business deal's outcome, from the rep's win rate (leads that reached SQL win a bit more often). */
function newBusinessOutcome(rng: Rng, rep: RepProfile, fromLead: boolean): Outcome {
  const won = Math.min(0.9, rep.winRate + (fromLead ? 0.04 : -0.03));
  return rng.weighted<Outcome>([
    ['won', won],
    ['stalled', 0.04],
    ['lost', 0.96 - won],
  ]);
}

function newBusinessTitle(company: Company, plan: PlanKey, seats: number): string {
  return speaksRussian(company)
    ? `${company.name} — ${PLAN_NAMES[plan]}, ${seats} ${russianSeats(seats)}`
    : `${company.name} — ${PLAN_NAMES[plan]} (${seats} seats)`;
}

/**
 * New Business deals: one per converted lead (created when the lead converts) and
 * `directCount` more that reps open themselves from outbound, referrals and events.
 * Ids follow creation order, as a CRM's would.
 */
export function newBusinessDeals(
  ctx: DemoContext,
  rng: Rng,
  org: Org,
  conversions: readonly Conversion[],
  newCompany: () => Company,
  directCount: number,
): DealTrack[] {
  type Pending = Omit<DealInput, 'id' | 'outcome' | 'title' | 'priced'> & { lead?: LeadTrack };
  const pending: Pending[] = conversions.map(({ track, rep, convertedAt }) => ({
    pipeline: 'nb',
    rep,
    company: track.company,
    createdAt: convertedAt,
    channel: track.lead.channel ?? 'other',
    firstContactAt: track.lead.createdAt,
    lead: track,
  }));
  const demand = createDemandCurve(ctx, 0.02);
  for (let i = 0; i < directCount; i += 1) {
    const createdAt = demand.sample(rng);
    const channel = rng.weighted(DIRECT_CHANNELS);
    // Half the outbound deals record the first touch, days before the deal was opened.
    const firstContactAt = rng.chance(0.5) ? ctx.cal.workTime(rng, createdAt - rng.int(1, 20) * DAY_MS, createdAt) : undefined;
    pending.push({ pipeline: 'nb', rep: pickRep(rng, org.byTeam.nb), company: newCompany(), createdAt, channel, firstContactAt });
  }
  pending.sort((a, b) => a.createdAt - b.createdAt);

  return pending.map((input, i) => {
    const order = newBusinessOrder(rng, input.rep.dealSize);
    const priced = priceLines(order.orders, input.company.currency);
    const id = `deal-${i + 1}`;
    const track = createDeal(ctx, rng, {
      ...input,
      id,
      outcome: newBusinessOutcome(rng, input.rep, input.lead !== undefined),
      title: newBusinessTitle(input.company, order.plan, order.seats),
      priced,
    });
    if (input.lead) {
      track.lead = input.lead;
      input.lead.lead.convertedDealId = id;
    }
    return { ...track, plan: order.plan, seats: order.seats };
  });
}

/** Converts a minor amount in a demo currency to USD cents with the demo rates (for calibrating quotas). */
export function toUsdMinor(minor: number, currency: string): number {
  if (currency === 'USD') return minor;
  return Math.round(minor * (DEMO_EXCHANGE_RATES[currency] ?? 0));
}

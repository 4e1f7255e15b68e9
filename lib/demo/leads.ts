import { DAY_MS } from '../period/units';
import type { ContactMethod, Lead } from '../model';
import { CHANNEL_RAW, LEAD_CHANNELS } from './catalog';
import type { Company } from './company';
import type { DemoContext } from './context';
import { createDemandCurve } from './demand';
import { personName } from './names';
import type { Org, RepProfile } from './org';
import type { Rng } from './random';

/** A lead plus what the rest of the generator needs to know about it. */
export type LeadTrack = {
  lead: Lead;
  company: Company;
  /** The rep working it (the owner; for unassigned leads, nobody). */
  rep?: RepProfile;
  /** Prospecting activities on the lead happen in [createdAt, activeUntil]. */
  activeUntil: number;
  /** Outbound channels get cold emails (tracked for the 30/30/50 benchmark); inbound ones do not. */
  cold: boolean;
};

/** A lead that turned into a New Business deal at `convertedAt`. */
export type Conversion = { track: LeadTrack; rep: RepProfile; convertedAt: number };

const OUTBOUND: ReadonlySet<ContactMethod> = new Set(['email', 'call', 'social', 'other']);

export function pickRep(rng: Rng, reps: readonly RepProfile[]): RepProfile {
  return rng.weighted(reps.map((rep) => [rep, rep.capacity] as const));
}

/**
 * Leads over the whole history, each from its own company. Lifecycle: created →
 * MQL → SQL → converted into a deal, or disqualified, or still open; a step dated
 * after asOf has not happened yet, so the lead stays where it is.
 */
export function generateLeads(
  ctx: DemoContext,
  rng: Rng,
  org: Org,
  newCompany: () => Company,
  count: number,
): { tracks: LeadTrack[]; conversions: Conversion[] } {
  const { asOf, cal } = ctx;
  const demand = createDemandCurve(ctx, 0.3);
  const times = Array.from({ length: count }, () => demand.sample(rng)).sort((a, b) => a - b);
  const channels = LEAD_CHANNELS.map(([channel, weight, mqlRate]) => [[channel, mqlRate] as const, weight] as const);
  const nbReps = org.byTeam.nb;
  const tracks: LeadTrack[] = [];
  const conversions: Conversion[] = [];
  // CRMs stamp lifecycle changes to the second.
  const later = (from: number, medianDays: number, spread: number) => from + Math.round(rng.skewed(medianDays, spread) * 86_400) * 1000;

  times.forEach((createdAt, i) => {
    const id = `lead-${i + 1}`;
    const company = newCompany();
    const [channel, mqlRate] = rng.weighted(channels);
    let rep: RepProfile | undefined = rng.chance(0.04) ? undefined : pickRep(rng, nbReps);
    let last = createdAt;
    const happened = (at: number | undefined) => (at !== undefined && at <= asOf ? at : undefined);

    const mqlAt = rng.chance(mqlRate) ? happened(later(createdAt, 1.5, 0.9)) : undefined;
    const sqlAt = mqlAt !== undefined && rng.chance(0.5) ? happened(later(mqlAt, 5, 0.6)) : undefined;
    let convertedAt: number | undefined;
    if (sqlAt !== undefined && rng.chance(0.72)) convertedAt = happened(cal.workTimeFrom(rng, later(sqlAt, 2, 0.7)));
    else if (mqlAt === undefined && rng.chance(0.06)) convertedAt = happened(cal.workTimeFrom(rng, later(createdAt, 6, 0.6)));
    last = Math.max(last, mqlAt ?? last, sqlAt ?? last, convertedAt ?? last);

    let status: Lead['status'] = 'open';
    if (convertedAt !== undefined) {
      status = 'converted';
      // The CRM assigns an unassigned lead to whoever converts it.
      rep ??= pickRep(rng, nbReps);
    } else {
      const disqualifiedAt = rng.chance(mqlAt === undefined ? 0.5 : 0.35) ? happened(later(last, 10, 0.6)) : undefined;
      if (disqualifiedAt !== undefined) {
        status = 'disqualified';
        last = disqualifiedAt;
      }
    }
    const lead: Lead = {
      source: ctx.source,
      externalId: id,
      updatedAt: last,
      url: ctx.url('leads', id),
      name: `${personName(rng, company.language)} (${company.name})`,
      createdAt,
      status,
      channel,
      channelRaw: rng.pick(CHANNEL_RAW[company.language === 'ru' ? 'ru' : 'en'][channel]),
      region: company.region,
    };
    if (rep) lead.ownerId = rep.id;
    if (mqlAt !== undefined) lead.mqlAt = mqlAt;
    if (sqlAt !== undefined) lead.sqlAt = sqlAt;
    if (convertedAt !== undefined) lead.convertedAt = convertedAt;
    // Prospecting stops at conversion or disqualification, and after three weeks of silence.
    const activeUntil = status === 'open' ? Math.min(asOf, createdAt + 21 * DAY_MS) : Math.min(last, createdAt + 30 * DAY_MS);
    const track: LeadTrack = { lead, company, rep, activeUntil, cold: OUTBOUND.has(channel) };
    tracks.push(track);
    if (convertedAt !== undefined && rep) conversions.push({ track, rep, convertedAt });
  });
  return { tracks, conversions };
}

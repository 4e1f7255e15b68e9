import type { Owner, Pipeline, Product, Stage, Team } from '../model';
import { PIPELINES, PRODUCTS, type PipelineKey } from './catalog';
import type { DemoContext } from './context';
import { extraRepName } from './names';
import type { Rng } from './random';

/**
 * How a rep sells. Reps differ on purpose, so the leaderboard has a top performer
 * and a rep who struggles, and the team view has a spread to show.
 */
export type RepProfile = {
  id: string;
  name: string;
  email: string;
  team: PipelineKey;
  role: 'rep' | 'lead';
  /** Share of the team's incoming work (leads, new deals, accounts); team leads sell part-time. */
  capacity: number;
  /** Chance that a deal reaches a decision as won (the rest are lost or stall). */
  winRate: number;
  /** Multiplies the number of calls, emails and meetings per deal. */
  activity: number;
  /** Multiplies the seats on a deal. */
  dealSize: number;
  /** Multiplies how long deals take. */
  cycle: number;
  /** Cold email tracking: open rate, reply rate of opened, conversion rate of replies. */
  coldEmail: { open: number; reply: number; convert: number };
};

type Seed = Omit<RepProfile, 'id'>;

const rates = (open: number, reply: number, convert: number) => ({ open, reply, convert });

/** The ten people of the demo at scale 1. Sophie Walsh is the signed-in rep. */
const FIXED: readonly Seed[] = [
  {
    name: 'Michael Turner',
    email: 'michael.turner@lenscloud.example',
    team: 'nb',
    role: 'lead',
    capacity: 0.5,
    winRate: 0.28,
    activity: 0.85,
    dealSize: 1.2,
    cycle: 1,
    coldEmail: rates(0.34, 0.32, 0.5),
  },
  {
    name: 'Sophie Walsh',
    email: 'sophie.walsh@lenscloud.example',
    team: 'nb',
    role: 'rep',
    capacity: 1,
    winRate: 0.27,
    activity: 1,
    dealSize: 1,
    cycle: 1,
    coldEmail: rates(0.31, 0.29, 0.52),
  },
  {
    name: 'James Carter',
    email: 'james.carter@lenscloud.example',
    team: 'nb',
    role: 'rep',
    capacity: 1.1,
    winRate: 0.32,
    activity: 1.2,
    dealSize: 1,
    cycle: 0.85,
    coldEmail: rates(0.42, 0.36, 0.58),
  },
  {
    name: 'Дмитрий Волков',
    email: 'dmitry.volkov@lenscloud.example',
    team: 'nb',
    role: 'rep',
    capacity: 0.95,
    winRate: 0.18,
    activity: 0.7,
    dealSize: 1,
    cycle: 1.25,
    coldEmail: rates(0.19, 0.2, 0.38),
  },
  {
    name: 'Анна Смирнова',
    email: 'anna.smirnova@lenscloud.example',
    team: 'nb',
    role: 'rep',
    capacity: 1,
    winRate: 0.25,
    activity: 1.05,
    dealSize: 0.95,
    cycle: 1.05,
    coldEmail: rates(0.29, 0.31, 0.47),
  },
  {
    name: 'Екатерина Соколова',
    email: 'ekaterina.sokolova@lenscloud.example',
    team: 'exp',
    role: 'lead',
    capacity: 0.5,
    winRate: 0.45,
    activity: 0.75,
    dealSize: 1.1,
    cycle: 0.9,
    coldEmail: rates(0.36, 0.33, 0.52),
  },
  {
    name: 'Daniel Hughes',
    email: 'daniel.hughes@lenscloud.example',
    team: 'exp',
    role: 'rep',
    capacity: 1,
    winRate: 0.55,
    activity: 1,
    dealSize: 1,
    cycle: 1,
    coldEmail: rates(0.3, 0.3, 0.5),
  },
  {
    name: 'Ирина Кузнецова',
    email: 'irina.kuznetsova@lenscloud.example',
    team: 'exp',
    role: 'rep',
    capacity: 1.05,
    winRate: 0.55,
    activity: 1.05,
    dealSize: 1.05,
    cycle: 0.9,
    coldEmail: rates(0.39, 0.34, 0.55),
  },
  {
    name: 'Megan Brooks',
    email: 'megan.brooks@lenscloud.example',
    team: 'exp',
    role: 'rep',
    capacity: 1,
    winRate: 0.5,
    activity: 0.95,
    dealSize: 0.95,
    cycle: 1.05,
    coldEmail: rates(0.28, 0.27, 0.49),
  },
  {
    name: 'Алексей Морозов',
    email: 'alexey.morozov@lenscloud.example',
    team: 'exp',
    role: 'rep',
    capacity: 0.9,
    winRate: 0.45,
    activity: 0.75,
    dealSize: 0.9,
    cycle: 1.2,
    coldEmail: rates(0.24, 0.25, 0.44),
  },
];

export const CURRENT_REP_INDEX = 1;

export type Org = {
  reps: readonly RepProfile[];
  byTeam: Record<PipelineKey, readonly RepProfile[]>;
  currentOwnerId: string;
  teamLeadOwnerId: string;
  teamId: Record<PipelineKey, string>;
};

/** Scale 1 has 4 reps and a lead per team; larger scales add reps so per-rep volumes stay realistic. */
export function createOrg(rng: Rng, scale: number): Org {
  const perTeam = Math.max(4, Math.round(4 * scale));
  const seeds: Seed[] = [];
  let extra = 0;
  for (const team of ['nb', 'exp'] as const) {
    const fixed = FIXED.filter((seed) => seed.team === team);
    seeds.push(...fixed);
    for (let i = fixed.length - 1; i < perTeam; i += 1) {
      const named = extraRepName(extra);
      extra += 1;
      const nb = team === 'nb';
      seeds.push({
        ...named,
        team,
        role: 'rep',
        capacity: rng.between(0.85, 1.15),
        winRate: nb ? rng.between(0.18, 0.31) : rng.between(0.42, 0.6),
        activity: rng.between(0.75, 1.2),
        dealSize: rng.between(0.85, 1.15),
        cycle: rng.between(0.85, 1.2),
        coldEmail: rates(rng.between(0.2, 0.42), rng.between(0.22, 0.36), rng.between(0.4, 0.58)),
      });
    }
  }
  const reps = seeds.map((seed, i) => ({ ...seed, id: `owner-${i + 1}` }));
  const current = reps[CURRENT_REP_INDEX] as RepProfile;
  const lead = reps.find((rep) => rep.team === current.team && rep.role === 'lead') ?? current;
  return {
    reps,
    byTeam: { nb: reps.filter((rep) => rep.team === 'nb'), exp: reps.filter((rep) => rep.team === 'exp') },
    currentOwnerId: current.id,
    teamLeadOwnerId: lead.id,
    teamId: { nb: 'team-nb', exp: 'team-exp' },
  };
}

export const stageId = (pipeline: PipelineKey, index: number) => `stage-${pipeline}-${index + 1}`;
export const pipelineId = (pipeline: PipelineKey) => `pipeline-${pipeline}`;
export const productId = (key: string) => `product-${key}`;

export type ReferenceRecords = { owners: Owner[]; teams: Team[]; pipelines: Pipeline[]; stages: Stage[]; products: Product[] };

/** Owners, teams, pipelines, stages and products: set up before the history starts. */
export function referenceRecords(ctx: DemoContext, org: Org): ReferenceRecords {
  const base = { source: ctx.source, updatedAt: ctx.historyStart };
  const owners: Owner[] = org.reps.map((rep) => ({
    ...base,
    externalId: rep.id,
    name: rep.name,
    email: rep.email,
    teamId: org.teamId[rep.team],
    role: rep.role,
    active: true,
  }));
  const teams: Team[] = (['nb', 'exp'] as const).map((key) => ({
    ...base,
    externalId: org.teamId[key],
    name: PIPELINES[key].name,
    leadId: org.byTeam[key].find((rep) => rep.role === 'lead')?.id,
  }));
  const pipelines: Pipeline[] = (['nb', 'exp'] as const).map((key) => ({
    ...base,
    externalId: pipelineId(key),
    name: PIPELINES[key].name,
    order: PIPELINES[key].order,
  }));
  const stages: Stage[] = (['nb', 'exp'] as const).flatMap((key) =>
    PIPELINES[key].stages.map((stage, index) => ({
      ...base,
      externalId: stageId(key, index),
      pipelineId: pipelineId(key),
      name: stage.name,
      order: index,
      probability: stage.probability,
    })),
  );
  const products: Product[] = PRODUCTS.map((product) => ({
    ...base,
    externalId: productId(product.key),
    name: product.name,
    code: product.code,
    category: product.category,
    unitPrice: { minor: product.priceUsd * 100, currency: 'USD' },
    unitCost: { minor: product.costUsd * 100, currency: 'USD' },
  }));
  return { owners, teams, pipelines, stages, products };
}

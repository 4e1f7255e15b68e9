import { CrmError, isCrmError } from '../errors';
import { mapItems } from '../map';
import type { ApiBudget, FetchedPage } from '../types';
import { pipedriveGet, type PipedriveContext } from './client';
import { mapGoal } from './map-goals';
import type { MapContext } from './map-common';
import { currencySchema, meSchema } from './schemas';
import { z } from '../../model/zod';

const goalsBody = z.lazy(() => z.object({ data: z.object({ goals: z.array(z.unknown()).nullish() }).nullish() }));
const currenciesBody = z.lazy(() => z.object({ data: z.array(z.unknown()).nullish() }));
const GOAL_TYPES = ['deals_won', 'deals_started'] as const;

/** Optional lookups: a failure leaves the goal mapper to reject what it cannot price, instead of failing the object. */
async function optional<T>(load: () => Promise<T>): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    if (isCrmError(error) && (error.kind === 'forbidden' || error.kind === 'bad-response')) return undefined;
    throw error;
  }
}

/**
 * Goals are few, so they are read whole in one page: active and past goals of
 * the two deal goal types, plus the currency table and the user's default
 * currency to price "sum" goals.
 */
export async function fetchGoals(ctx: PipedriveContext, mctx: MapContext): Promise<FetchedPage> {
  const goals = new Map<string, unknown>();
  let budget: ApiBudget | undefined;
  for (const type of GOAL_TYPES) {
    for (const active of [true, false]) {
      const { body, budget: b } = await pipedriveGet(ctx, 'v1', '/goals/find', { 'type.name': type, is_active: active });
      budget = b ?? budget;
      const parsed = goalsBody.safeParse(body);
      if (!parsed.success)
        throw new CrmError(
          'bad-response',
          "Pipedrive's /goals/find answer is not shaped as documented",
          'If this repeats, report it to KPI Lens with the sync log.',
        );
      for (const goal of parsed.data.data?.goals ?? []) {
        const id = (goal as { id?: unknown } | null)?.id;
        goals.set(typeof id === 'string' || typeof id === 'number' ? String(id) : `#${goals.size}`, goal);
      }
    }
  }
  const currencyById = new Map<number, string>();
  const currencies = await optional(() => pipedriveGet(ctx, 'v1', '/currencies'));
  const list = currenciesBody.safeParse(currencies?.body);
  for (const raw of list.success ? (list.data.data ?? []) : []) {
    const c = currencySchema.safeParse(raw);
    if (c.success) currencyById.set(c.data.id, c.data.code);
  }
  const me = await optional(() => pipedriveGet(ctx, 'v1', '/users/me'));
  const meParsed = meSchema.safeParse(me?.body);
  const defaultCurrency = meParsed.success ? (meParsed.data.data.default_currency ?? undefined) : undefined;
  const { records, rejects } = mapItems([...goals.values()], (raw) => mapGoal(raw, { ...mctx, currencyById, defaultCurrency }));
  return { records, rejects, nextCursor: null, budget };
}

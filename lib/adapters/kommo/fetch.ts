import { CrmError, isCrmError } from '../errors';
import { mapItems, type Mapped } from '../map';
import type { RecordType } from '../../model';
import type { AdapterContext, FetchedPage } from '../types';
import { decodeCursor, encodeCursor, type KommoCursor, kommoGet, listParams, readListPage } from './client';
import { kommoLabel } from './detect';
import { mapCallNote, mapTask, type NoteEntity } from './map-activities';
import type { KommoMapContext } from './map-common';
import { mapDeletedLead, mapLead } from './map-deals';
import { mapGroup, mapParty, mapPipeline, mapUser } from './map-people';
import { accountSchema, type RawAccount } from './schemas';

const NOTE_ENTITIES: readonly NoteEntity[] = ['leads', 'contacts', 'companies'];

function mapContext(ctx: AdapterContext, currency?: string): KommoMapContext {
  const appUrl = ctx.appUrl ?? new URL(ctx.baseUrl).origin;
  return { source: ctx.source, appUrl: appUrl.replace(/\/+$/, ''), currency };
}

/** `/api/v4/account`: the current user, the currency every price is in, and (on request) the users groups. */
export async function fetchAccount(ctx: AdapterContext, withGroups = false): Promise<RawAccount> {
  const body = await kommoGet(ctx, '/account', withGroups ? { with: 'users_groups' } : {});
  const account = accountSchema.safeParse(body);
  if (!account.success) {
    throw new CrmError(
      'bad-response',
      `${kommoLabel(ctx.baseUrl)} did not describe the account`,
      'Reload your amoCRM tab; if this repeats, the rest of the data still syncs.',
    );
  }
  return account.data;
}

/** One page of a deleted-aware list: items whose mapper says `deleted` go to `deleted`, the rest through mapItems. */
function mapWithDeletions(items: unknown[], type: RecordType, map: (raw: unknown) => { mapped: Mapped } | { deleted: string }) {
  const deleted: string[] = [];
  const result = mapItems(items, (raw) => {
    const outcome = map(raw);
    if ('deleted' in outcome) {
      deleted.push(outcome.deleted);
      return [];
    }
    return outcome.mapped;
  });
  return { ...result, deleted: deleted.length ? { [type]: deleted } : undefined };
}

type Step = (ctx: AdapterContext, cursor: KommoCursor) => Promise<FetchedPage>;

const next = (cursor: KommoCursor, hasNext: boolean, patch: Partial<KommoCursor> = {}) =>
  hasNext ? encodeCursor({ ...cursor, ...patch, page: cursor.page + 1 }) : null;

const steps: Record<string, Step> = {
  async teams(ctx) {
    const account = await fetchAccount(ctx, true);
    const updatedAt = (account.updated_at ?? account.created_at ?? 0) * 1000;
    const groups = account._embedded?.users_groups ?? [];
    return { ...mapItems(groups, (raw) => mapGroup(raw, mapContext(ctx), updatedAt)), nextCursor: null };
  },
  async users(ctx, cursor) {
    // Users carry no modification time and no filter; only the paging parameters apply.
    const { page, limit } = listParams(ctx, { ...cursor, since: null });
    let body: unknown;
    try {
      body = await kommoGet(ctx, '/users', { page: page ?? 1, limit: limit ?? 250 });
    } catch (error) {
      // The users list is for account administrators only (amoCRM's API docs): a rep still has themself.
      if (isCrmError(error) && error.kind === 'forbidden' && cursor.page === 1)
        return { ...mapItems([await ownUser(ctx)], (raw) => mapUser(raw, mapContext(ctx), 0)), nextCursor: null };
      throw error;
    }
    const list = readListPage(body, 'users', kommoLabel(ctx.baseUrl), 'users');
    return { ...mapItems(list.items, (raw) => mapUser(raw, mapContext(ctx), 0)), nextCursor: next(cursor, list.hasNext) };
  },
  async pipelines(ctx) {
    const list = readListPage(await kommoGet(ctx, '/leads/pipelines'), 'pipelines', kommoLabel(ctx.baseUrl), 'pipelines');
    return { ...mapItems(list.items, (raw) => mapPipeline(raw, mapContext(ctx), 0)), nextCursor: null };
  },
  async companies(ctx, cursor) {
    const list = readListPage(await kommoGet(ctx, '/companies', listParams(ctx, cursor)), 'companies', kommoLabel(ctx.baseUrl), 'companies');
    return { ...mapWithDeletions(list.items, 'customer', (raw) => mapParty(raw, 'company', mapContext(ctx))), nextCursor: next(cursor, list.hasNext) };
  },
  async contacts(ctx, cursor) {
    const list = readListPage(await kommoGet(ctx, '/contacts', listParams(ctx, cursor)), 'contacts', kommoLabel(ctx.baseUrl), 'contacts');
    return { ...mapWithDeletions(list.items, 'customer', (raw) => mapParty(raw, 'contact', mapContext(ctx))), nextCursor: next(cursor, list.hasNext) };
  },
  async leads(ctx, cursor) {
    // Prices are in the account currency; it is read once per chain and kept in the cursor.
    const currency = cursor.currency ?? (await fetchAccount(ctx)).currency?.trim().toUpperCase();
    const params = { ...listParams(ctx, cursor), with: 'contacts,loss_reason' };
    const list = readListPage(await kommoGet(ctx, '/leads', params), 'leads', kommoLabel(ctx.baseUrl), 'leads');
    const known = currency && /^[A-Z]{3}$/.test(currency) ? currency : undefined;
    const mapped = mapWithDeletions(list.items, 'deal', (raw) => mapLead(raw, mapContext(ctx, known)));
    return { ...mapped, nextCursor: next(cursor, list.hasNext, { currency: known }) };
  },
  async 'deleted-leads'(ctx, cursor) {
    const params = { ...listParams(ctx, cursor), with: 'only_deleted' };
    const list = readListPage(await kommoGet(ctx, '/leads', params), 'leads', kommoLabel(ctx.baseUrl), 'deleted leads');
    return { ...mapWithDeletions(list.items, 'deal', mapDeletedLead), nextCursor: next(cursor, list.hasNext) };
  },
  async tasks(ctx, cursor) {
    const list = readListPage(await kommoGet(ctx, '/tasks', listParams(ctx, cursor)), 'tasks', kommoLabel(ctx.baseUrl), 'tasks');
    return { ...mapItems(list.items, (raw) => mapTask(raw, mapContext(ctx))), nextCursor: next(cursor, list.hasNext) };
  },
  async calls(ctx, cursor) {
    // Telephony integrations log calls as notes on leads, contacts or companies: read all three in turn.
    const entity = cursor.entity ?? 'leads';
    const params = { ...listParams(ctx, cursor), 'filter[note_type][]': ['call_in', 'call_out'] };
    const list = readListPage(await kommoGet(ctx, `/${entity}/notes`, params), 'notes', kommoLabel(ctx.baseUrl), `${entity} notes`);
    const page = mapItems(list.items, (raw) => mapCallNote(raw, entity, mapContext(ctx)));
    const following = NOTE_ENTITIES[NOTE_ENTITIES.indexOf(entity) + 1];
    const nextCursor = list.hasNext
      ? encodeCursor({ ...cursor, entity, page: cursor.page + 1 })
      : following
        ? encodeCursor({ since: cursor.since, entity: following, page: 1 })
        : null;
    return { ...page, nextCursor };
  },
};

export const KOMMO_OBJECT_NAMES = Object.keys(steps);

export async function fetchKommoPage(ctx: AdapterContext, object: string, cursor: string | null, since: number | null): Promise<FetchedPage> {
  const step = steps[object];
  if (!step) throw new CrmError('bad-response', `amoCRM has no object ${object} in KPI Lens`, 'This is a bug in KPI Lens.');
  const position = decodeCursor(cursor, kommoLabel(ctx.baseUrl)) ?? { page: 1, since };
  return step(ctx, position);
}

/**
 * The signed-in user as a raw user: `/users/{id}` where it is readable
 * (administrators), else only the id `/account` gives every user, which maps to
 * an owner named `#id`.
 */
async function ownUser(ctx: AdapterContext): Promise<Record<string, unknown>> {
  const account = await fetchAccount(ctx);
  const id = account.current_user_id;
  try {
    const body = await kommoGet(ctx, `/users/${id}`);
    if (body && typeof body === 'object' && String((body as { id?: unknown }).id) === id) return body as Record<string, unknown>;
  } catch (error) {
    if (!isCrmError(error) || error.kind !== 'forbidden') throw error;
  }
  return { id: Number(id) };
}

/** Who is signed in; a rep who is not an account administrator gets their id, the name where amoCRM shows it. */
export async function kommoWhoAmI(ctx: AdapterContext): Promise<{ ownerId: string; name: string }> {
  const user = await ownUser(ctx);
  const id = String(user.id);
  const name = typeof user.name === 'string' && user.name.trim() ? user.name.trim() : `#${id}`;
  return { ownerId: id, name };
}

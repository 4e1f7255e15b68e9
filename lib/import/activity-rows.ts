import type { ActivityType } from '../model';
import { UNASSIGNED_OWNER, type NamedRef, type RowNote } from './deal-rows';
import { derivedId } from './ids';
import { RowError, type RowCells } from './row-cells';
import { clipText, compactKey, nameKey } from './text';
import { readActivityType, readDirection } from './vocabulary';

export type ActivityContext = {
  source: string;
  importedAt?: number;
  /** The type of every row when the file has no type column (a calls export is all calls). */
  impliedType: ActivityType;
  /** The CRM's type and direction codes (Bitrix24's TYPE_ID 2 = call), read before the words. */
  codes?: { type?: Readonly<Record<string, ActivityType>>; direction?: Readonly<Record<string, 'inbound' | 'outbound'>> };
  identity: (parts: readonly (string | undefined)[], fallback: readonly string[]) => string;
};

export type MappedActivity = { candidate: Record<string, unknown>; owner: NamedRef; notes: RowNote[]; updated?: number };

/**
 * One export row to a candidate activity. The CRM's own type value is kept as
 * the subtype (`Demo`, `Cold call`) so demo keywords can find it; a row with
 * no done column is taken as done, since activity exports list what happened.
 */
export function mapActivityRow(r: RowCells, cells: readonly string[], context: ActivityContext): MappedActivity {
  const notes: RowNote[] = [];
  const typeText = r.text('type');
  const coded = typeText === undefined ? undefined : codeOf(context.codes?.type, typeText);
  const type = typeText === undefined ? context.impliedType : (coded ?? readActivityType(typeText));
  const directionText = r.text('direction');
  const directionCode = directionText === undefined ? undefined : codeOf(context.codes?.direction, directionText);
  const direction = directionCode ?? (directionText && readDirection(directionText)) ?? (typeText && readDirection(typeText)) ?? undefined;
  const createdAt = r.date('createdAt');
  const occurredAt = r.dateTime('occurredAt', 'time') ?? createdAt;
  if (occurredAt === undefined) throw new RowError('the activity has no date (neither a due/activity date nor a created date)', 'no-date');
  let done = true;
  if (r.has('done')) {
    const doneText = r.text('done');
    done = doneText !== undefined && isDoneWord(doneText);
  } else {
    notes.push({ code: 'assumed-done' });
  }
  const ownerName = r.text('owner');
  const owner = ownerName ? { id: derivedId('owner', nameKey(ownerName)), name: clipText(ownerName, 200) } : UNASSIGNED_OWNER;
  if (!ownerName) notes.push({ code: 'unassigned-owner' });
  const subject = r.text('subject');
  const idText = r.text('id');
  if (idText !== undefined && idText.length > 200) throw new RowError('the id is longer than 200 characters', 'id');
  const deal = r.text('deal');
  const externalId = idText ?? context.identity([typeText, subject, r.text('occurredAt'), r.text('time'), ownerName, deal], cells);
  const subtype = typeText && /demo|демо/i.test(typeText) ? 'demo' : typeText && /trial|пробн/i.test(typeText) ? 'trial' : (coded ?? typeText);
  const candidate: Record<string, unknown> = {
    source: context.source,
    externalId,
    updatedAt: context.importedAt ?? occurredAt,
    ownerId: owner.id,
    type,
    direction,
    subtype: subtype && clipText(subtype, 100),
    title: subject && clipText(subject, 500),
    occurredAt,
    createdAt,
    done,
    dealId: deal && clipText(deal, 200),
    durationSec: r.duration('durationSec'),
  };
  return { candidate, owner, notes };
}

/** A CRM code (`2`) looked up in the preset's table; own keys only, so `__proto__` is just text. */
function codeOf<T>(table: Readonly<Record<string, T>> | undefined, text: string): T | undefined {
  return table && Object.hasOwn(table, text) ? table[text] : undefined;
}

/** Done / completed / held, in the words CRMs use; anything else (To do, Not started, Scheduled) is not done. */
function isDoneWord(text: string): boolean {
  const key = compactKey(text);
  return /^(done|yes|y|true|1|x|completed?|held|finished|connected|выполнено|выполнен|выполнена|да|завершено|завершен|завершена|состоялась|состоялся)$/.test(
    key,
  );
}

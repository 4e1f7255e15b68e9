import { parseRecord, type ContactMethod, type Product, type Quota, type RecordByType, type Spend, type Target } from '../model';
import { majorToMinor } from '../money/minor';
import { isManualId, manualProductId, manualQuotaId, manualSpendId, manualTargetId, productOfManualId } from './manual-ids';
import { quotaPeriodDates, type QuotaPeriodChoice } from './quota-periods';

export const MANUAL_RECORD_TYPES = ['quota', 'target', 'spend', 'product'] as const;
export type ManualRecordType = (typeof MANUAL_RECORD_TYPES)[number];

/** Errors keyed by the form field they belong beside. */
export type FieldErrors = Record<string, string>;
export type Built<T> = { ok: true; record: T } | { ok: false; errors: FieldErrors };

/** Activity targets are per working day; demos per week (a demo a day is not how demos go). */
export const TARGET_PER: Readonly<Record<'calls' | 'emails' | 'meetings' | 'demos', Target['per']>> = {
  calls: 'day',
  emails: 'day',
  meetings: 'day',
  demos: 'week',
};

export type QuotaForm = { assignee: string; periodKind: QuotaPeriodChoice; periodKey: string; amount: string; currency: string };
export type TargetForm = { ownerId: string; metric: keyof typeof TARGET_PER; value: string };
export type SpendForm = { month: string; kind: Spend['kind']; channel: ContactMethod | ''; amount: string; currency: string; note: string };
export type ProductCostForm = { productId: string; name: string; unitCost: string; currency: string };

type Context = { source: string; now: number };

/** `assignee` is `rep:<ownerId>` or `team:<teamId>`, as the form's select offers them. */
export function quotaFromForm(form: QuotaForm, ctx: Context & { fiscalYearStartMonth: number }): Built<Quota> {
  const errors: FieldErrors = {};
  const dates = quotaPeriodDates(form.periodKind, form.periodKey, ctx.fiscalYearStartMonth);
  if (!dates) errors.periodKey = 'expected a period';
  const [kind, id = ''] = splitOnce(form.assignee, ':');
  if ((kind !== 'rep' && kind !== 'team') || !id) errors.assignee = 'expected a rep or a team';
  const amount = money(form.amount, form.currency, errors, 'amount');
  if (Object.keys(errors).length || !dates || !amount) return { ok: false, errors };
  const who = kind === 'team' ? { teamId: id } : { ownerId: id };
  const record = { source: ctx.source, updatedAt: ctx.now, ...who, ...dates, amount, externalId: manualQuotaId({ ...who, ...dates }) };
  return check('quota', record);
}

/** An empty `ownerId` is a target for everyone (each rep without their own). */
export function targetFromForm(form: TargetForm, ctx: Context): Built<Target> {
  const value = Number(form.value.trim().replace(',', '.'));
  if (form.value.trim() === '' || !Number.isFinite(value) || value < 0) return { ok: false, errors: { value: 'expected a number of 0 or more' } };
  const ownerId = form.ownerId || undefined;
  const record = {
    source: ctx.source,
    updatedAt: ctx.now,
    ownerId,
    metric: form.metric,
    per: TARGET_PER[form.metric],
    value,
    externalId: manualTargetId({ ownerId, metric: form.metric }),
  };
  return check('target', record);
}

export function spendFromForm(form: SpendForm, ctx: Context): Built<Spend> {
  const errors: FieldErrors = {};
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(form.month)) errors.month = 'expected a month as YYYY-MM';
  const amount = money(form.amount, form.currency, errors, 'amount', true);
  if (Object.keys(errors).length || !amount) return { ok: false, errors };
  const channel = form.channel || undefined;
  const note = form.note.trim() || undefined;
  const key = { month: form.month, kind: form.kind, channel };
  return check('spend', { source: ctx.source, updatedAt: ctx.now, ...key, amount, note, externalId: manualSpendId(key) });
}

export function productCostFromForm(form: ProductCostForm, ctx: Context): Built<Product> {
  const errors: FieldErrors = {};
  if (!form.productId) errors.productId = 'expected a product';
  const unitCost = money(form.unitCost, form.currency, errors, 'unitCost', true);
  if (Object.keys(errors).length || !unitCost) return { ok: false, errors };
  return check('product', { source: ctx.source, updatedAt: ctx.now, name: form.name || form.productId, unitCost, externalId: manualProductId(form.productId) });
}

/**
 * Where a manual record arrives (the background, the single writer): whatever
 * the page sent, it is validated through lib/model again, its source and time
 * are the writer's, and its id is derived from its content, so a page can
 * neither overwrite a CRM record nor file an entry under another one's id.
 */
export function checkManualRecord<K extends ManualRecordType>(type: K, raw: unknown, source: string, now: number): Built<RecordByType[K]> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, errors: { record: 'expected a record' } };
  const candidate: Record<string, unknown> = { ...(raw as Record<string, unknown>), source, updatedAt: now };
  const parsed = parseRecord(type, candidate);
  if (!parsed.ok) return { ok: false, errors: { record: parsed.reason } };
  const record = parsed.record as RecordByType[ManualRecordType];
  const expected = expectedId(type, record);
  if (expected === undefined || record.externalId !== expected) return { ok: false, errors: { externalId: 'not the id of a manual entry for this record' } };
  return { ok: true, record: parsed.record };
}

function expectedId(type: ManualRecordType, record: RecordByType[ManualRecordType]): string | undefined {
  switch (type) {
    case 'quota':
      return manualQuotaId(record as Quota);
    case 'target':
      return manualTargetId(record as Target);
    case 'spend':
      return manualSpendId(record as Spend);
    case 'product':
      return isManualId(record.externalId) && productOfManualId(record.externalId) ? record.externalId : undefined;
  }
}

function check<K extends ManualRecordType>(type: K, record: Record<string, unknown>): Built<RecordByType[K]> {
  const parsed = parseRecord(type, record);
  if (parsed.ok) return { ok: true, record: parsed.record };
  // `quota amount.minor: a quota is above 0; ...` → beside the field the first path segment names.
  const errors: FieldErrors = {};
  for (const part of parsed.reason.replace(/^\w+ /, '').split('; ')) {
    const [path = 'record', message = part] = splitOnce(part, ': ');
    const field = path.split('.')[0] === 'amount' ? 'amount' : path.split('.')[0] === 'unitCost' ? 'unitCost' : path.split('.')[0]!;
    errors[field === 'endDate' || field === 'startDate' ? 'periodKey' : field === 'ownerId' || field === 'teamId' ? 'assignee' : field] ??= message;
  }
  return { ok: false, errors };
}

function money(text: string, currency: string, errors: FieldErrors, field: string, zeroAllowed = false) {
  if (!/^[A-Z]{3}$/.test(currency)) {
    errors.currency = 'expected a 3-letter currency code such as USD';
    return undefined;
  }
  const minor = text.trim() === '' ? undefined : majorToMinor(text, currency);
  if (minor === undefined || minor < 0 || (!zeroAllowed && minor === 0)) {
    errors[field] = zeroAllowed ? 'expected an amount of 0 or more' : 'expected an amount above 0';
    return undefined;
  }
  return { minor, currency };
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

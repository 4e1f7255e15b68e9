import type { ActivityType, ContactMethod, DealStatus } from '../model';
import { compactKey, keySet } from './text';

/**
 * Values of a deal *status* column (Pipedrive's Open/Won/Lost and the like).
 * `deleted` deals are not imported.
 */
const STATUS_WON = keySet(['won', 'closed won', 'win', 'выиграна', 'выигран', 'успешно', 'успешна', 'успех', 'успешно реализовано', 'сделка успешна']);
const STATUS_LOST = keySet(['lost', 'closed lost', 'lose', 'проиграна', 'проигран', 'провалена', 'сделка провалена', 'закрыто и не реализовано', 'отказ']);
const STATUS_OPEN = keySet(['open', 'opened', 'active', 'in progress', 'открыта', 'открыто', 'в работе', 'активна', 'активная']);
const STATUS_DELETED = keySet(['deleted', 'removed', 'удалена', 'удалено']);

/**
 * Stage names that mean won or lost in the default pipelines of common CRMs,
 * English and Russian: Salesforce and HubSpot (`Closed Won`), Kommo/amoCRM
 * (`Успешно реализовано`, `Закрыто и не реализовано`), Bitrix24 (`Сделка
 * успешна`, `Сделка провалена`, `Анализ причины провала`). Used only when an
 * export has no status column.
 */
export const WELL_KNOWN_WON_STAGES = keySet([
  'won',
  'closed won',
  'closed - won',
  'successfully realized',
  'success',
  'успешно реализовано',
  'сделка успешна',
  'успешна',
  'выиграна',
]);
export const WELL_KNOWN_LOST_STAGES = keySet([
  'lost',
  'closed lost',
  'closed - lost',
  'closed and not realized',
  'unrealized',
  'закрыто и не реализовано',
  'сделка провалена',
  'провалена',
  'анализ причины провала',
  'проиграна',
]);

export type StatusReading = DealStatus | 'deleted' | 'unknown';

/** A status cell read with the user's explicit won/lost values first, then the CRM's own codes, then the built-in vocabulary. */
export function readDealStatus(
  text: string,
  won: ReadonlySet<string>,
  lost: ReadonlySet<string>,
  codes?: { won: ReadonlySet<string>; lost: ReadonlySet<string>; open: ReadonlySet<string> },
): StatusReading {
  const key = compactKey(text);
  if (won.has(key)) return 'won';
  if (lost.has(key)) return 'lost';
  if (codes?.won.has(key)) return 'won';
  if (codes?.lost.has(key)) return 'lost';
  if (codes?.open.has(key)) return 'open';
  if (STATUS_WON.has(key)) return 'won';
  if (STATUS_LOST.has(key)) return 'lost';
  if (STATUS_OPEN.has(key)) return 'open';
  if (STATUS_DELETED.has(key)) return 'deleted';
  return 'unknown';
}

/**
 * A stage name or code: won or lost only when a won/lost list names it (with
 * or without the CRM's pipeline prefix: Bitrix24's `C6:WON` is `WON`); any
 * other stage is an open one.
 */
export function readStageStatus(text: string, won: ReadonlySet<string>, lost: ReadonlySet<string>, prefix?: RegExp): DealStatus {
  for (const candidate of prefix && prefix.test(text) ? [text, text.replace(prefix, '')] : [text]) {
    const key = compactKey(candidate);
    if (won.has(key)) return 'won';
    if (lost.has(key)) return 'lost';
  }
  return 'open';
}

const LEAD_CONVERTED = keySet([
  'converted',
  'closed - converted',
  'qualified',
  'opportunity',
  'customer',
  'evangelist',
  'качественный лид',
  'сконвертирован',
  'конвертирован',
  'сконвертирован в сделку',
  'успешно',
]);
const LEAD_DISQUALIFIED = keySet([
  'unqualified',
  'disqualified',
  'closed - not converted',
  'not converted',
  'junk',
  'spam',
  'некачественный лид',
  'отказ',
  'спам',
  'дубль',
]);

export function readLeadStatus(text: string): 'open' | 'converted' | 'disqualified' {
  const key = compactKey(text);
  if (LEAD_CONVERTED.has(key)) return 'converted';
  if (LEAD_DISQUALIFIED.has(key)) return 'disqualified';
  return 'open';
}

const ACTIVITY_WORDS: ReadonlyArray<readonly [ActivityType, ReadonlySet<string>]> = [
  ['call', keySet(['call', 'calls', 'phone call', 'phone', 'log a call', 'звонок', 'звонки', 'исходящий звонок', 'входящий звонок', 'телефон'])],
  ['email', keySet(['email', 'e-mail', 'emails', 'mail', 'письмо', 'почта', 'эл. почта', 'электронная почта'])],
  ['meeting', keySet(['meeting', 'meetings', 'event', 'demo', 'trial', 'presentation', 'lunch', 'встреча', 'встречи', 'демо', 'демонстрация', 'презентация'])],
  ['sms', keySet(['sms', 'text', 'text message', 'смс', 'sms-сообщение'])],
  ['task', keySet(['task', 'tasks', 'to-do', 'todo', 'deadline', 'задача', 'задачи', 'дело'])],
];

/** An activity type cell to the canonical type; unknown kinds are `other` (the raw value stays as subtype). */
export function readActivityType(text: string): ActivityType {
  const key = compactKey(text);
  for (const [type, words] of ACTIVITY_WORDS) if (words.has(key)) return type;
  return 'other';
}

/** A direction cell, or the direction a type value implies (`Входящий звонок`). */
export function readDirection(text: string): 'outbound' | 'inbound' | undefined {
  const key = compactKey(text);
  if (['outbound', 'outgoing', 'out'].includes(key) || key.startsWith('исходящ')) return 'outbound';
  if (['inbound', 'incoming', 'in'].includes(key) || key.startsWith('входящ')) return 'inbound';
  return undefined;
}

const CHANNELS: ReadonlyArray<readonly [ContactMethod, RegExp]> = [
  ['referral', /referr|recommend|partner|word of mouth|рекоменд|партн|сарафан/],
  ['event', /event|trade ?show|conference|webinar|expo|exhibition|выставк|мероприят|конференц|вебинар/],
  ['social', /social|facebook|linkedin|instagram|twitter|vk|вконтакте|соцсет|telegram|телеграм/],
  ['email', /e-?mail|newsletter|рассылк|почт|письм/],
  ['call', /call|phone|звон|телефон|cold/],
  ['inbound', /web|site|search|organic|seo|inbound|form|direct|ads?\b|ppc|сайт|форм|поиск|реклам|входящ/],
];

/** The channel of first contact a source cell names (`Paid Social`, `Сайт`, `Cold Call`, `TRADE_SHOW`...), else `other`. */
export function readChannel(text: string): ContactMethod {
  const value = text.toLowerCase().replace(/_/g, ' ');
  for (const [channel, pattern] of CHANNELS) if (pattern.test(value)) return channel;
  return 'other';
}

import type { Activity } from '../model';
import type { RepProfile } from './org';
import type { Rng } from './random';

/**
 * An activity before it gets its id, source and url (ids follow time order, given at
 * the end). Those fields exist from the start, empty, so filling them in later does
 * not reshape 30,000 objects.
 */
export type ActivityDraft = Activity;

export type ActivityKind = 'call' | 'email' | 'cold-email' | 'meeting' | 'demo' | 'trial' | 'sms' | 'task' | 'check-in' | 'internal';

export type Links = { dealId?: string; leadId?: string; customerId?: string };

type Texts = { en: readonly string[]; ru: readonly string[] };

const TITLES: Record<Exclude<ActivityKind, 'internal'>, Texts> = {
  call: { en: ['Call: {c}', 'Follow-up call: {c}', 'Pricing call: {c}'], ru: ['Звонок: {c}', 'Повторный звонок: {c}'] },
  email: {
    en: ['Follow-up: {c}', 'Proposal for {c}', 'Next steps with {c}', 'Pricing details for {c}'],
    ru: ['Follow-up: {c}', 'КП для {c}', 'Следующие шаги: {c}'],
  },
  'cold-email': { en: ['Intro: Lens Cloud for {c}', 'Quick question for {c}'], ru: ['Знакомство: Lens Cloud для {c}', 'Вопрос для {c}'] },
  meeting: { en: ['Discovery meeting: {c}', 'Proposal review: {c}', 'Stakeholder meeting: {c}'], ru: ['Встреча: {c}', 'Обсуждение КП: {c}'] },
  demo: { en: ['Demo: {c}', 'Product demo: {c}'], ru: ['Демо для {c}', 'Демо: {c}'] },
  trial: { en: ['Trial kickoff: {c}'], ru: ['Пробный период: {c}'] },
  sms: { en: ['SMS: meeting reminder'], ru: ['SMS: напоминание о встрече'] },
  task: { en: ['Send proposal to {c}', 'Prepare contract for {c}', 'Update notes: {c}'], ru: ['Отправить КП: {c}', 'Подготовить договор: {c}'] },
  'check-in': { en: ['Check-in: {c}', 'Quarterly business review: {c}'], ru: ['Check-in: {c}', 'QBR: {c}'] },
};

const INTERNAL = ['Update forecast', 'Pipeline review with manager', 'CRM clean-up', 'Prepare weekly report'];

/**
 * One activity of a kind: its CRM type, title, direction, duration and, for cold
 * emails, tracking drawn from the rep's own open/reply/conversion rates.
 */
export function makeActivity(
  rng: Rng,
  kind: ActivityKind,
  rep: RepProfile,
  occurredAt: number,
  done: boolean,
  company: { name: string; russian: boolean } | undefined,
  links: Links,
): ActivityDraft {
  const title = kind === 'internal' ? rng.pick(INTERNAL) : rng.pick(TITLES[kind][company?.russian ? 'ru' : 'en']).replace('{c}', company?.name ?? '');
  const draft: ActivityDraft = {
    source: '',
    externalId: '',
    url: '',
    updatedAt: occurredAt,
    ownerId: rep.id,
    type: 'other',
    title,
    occurredAt,
    done,
    ...links,
  };
  switch (kind) {
    case 'call': {
      const inbound = rng.chance(0.22);
      draft.type = 'call';
      draft.direction = inbound ? 'inbound' : 'outbound';
      if (inbound) draft.title = company?.russian ? `Входящий звонок: ${company.name}` : `Incoming call: ${company?.name ?? ''}`;
      if (done) {
        // About one outbound call in five goes unanswered: a few seconds of ringing.
        const unanswered = !inbound && rng.chance(0.22);
        draft.durationSec = unanswered ? rng.int(0, 25) : Math.round(Math.max(30, Math.min(3600, rng.skewed(inbound ? 360 : 240, 0.7))));
      }
      break;
    }
    case 'check-in':
      draft.type = rng.chance(0.6) ? 'call' : 'meeting';
      draft.direction = 'outbound';
      if (done) draft.durationSec = draft.type === 'call' ? rng.int(180, 1500) : rng.pick([1800, 2700, 3600]);
      break;
    case 'email': {
      draft.type = 'email';
      const inbound = rng.chance(0.35);
      draft.direction = inbound ? 'inbound' : 'outbound';
      if (inbound) draft.title = `Re: ${title}`;
      break;
    }
    case 'cold-email': {
      draft.type = 'email';
      draft.direction = 'outbound';
      const opened = rng.chance(rep.coldEmail.open);
      const replied = opened && rng.chance(rep.coldEmail.reply);
      const converted = replied && rng.chance(rep.coldEmail.convert);
      if (done) draft.email = { cold: true, opened, replied, converted };
      break;
    }
    case 'meeting':
    case 'demo':
    case 'trial':
      draft.type = 'meeting';
      if (kind !== 'meeting') draft.subtype = kind;
      if (done) draft.durationSec = kind === 'meeting' ? rng.pick([1800, 2700, 3600]) : rng.pick([2700, 3600]);
      break;
    case 'sms':
      draft.type = 'sms';
      draft.direction = 'outbound';
      break;
    case 'task':
    case 'internal':
      draft.type = 'task';
      break;
  }
  return draft;
}

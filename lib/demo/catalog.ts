import type { ContactMethod } from '../model';

/**
 * The fixed content of the demo company, "Lens Cloud", a B2B SaaS vendor that sells
 * seat subscriptions plus services, with a New Business team that hunts and an
 * Expansion team that grows accounts.
 */
export type PipelineKey = 'nb' | 'exp';

export type StageSpec = { name: string; probability: number };

export const PIPELINES: Record<PipelineKey, { name: string; order: number; stages: readonly StageSpec[] }> = {
  nb: {
    name: 'New Business',
    order: 0,
    stages: [
      { name: 'Qualified', probability: 10 },
      { name: 'Discovery', probability: 25 },
      { name: 'Demo', probability: 50 },
      { name: 'Proposal', probability: 75 },
      { name: 'Negotiation', probability: 90 },
    ],
  },
  exp: {
    name: 'Expansion',
    order: 1,
    stages: [
      { name: 'Opportunity identified', probability: 10 },
      { name: 'Account review', probability: 20 },
      { name: 'Solution design', probability: 40 },
      { name: 'Proposal', probability: 60 },
      { name: 'Negotiation', probability: 80 },
      { name: 'Contract sent', probability: 90 },
    ],
  },
};

/** The New Business stage at which a demo meeting happens. */
export const NB_DEMO_STAGE = 2;

export type ProductKey = 'starter' | 'pro' | 'enterprise' | 'analytics' | 'support' | 'onboarding' | 'migration' | 'training';
export type PlanKey = 'starter' | 'pro' | 'enterprise';

export type ProductSpec = {
  key: ProductKey;
  name: string;
  code: string;
  category: 'Subscription' | 'Services';
  /** List price in USD (whole dollars): per seat per year for seat plans, per year for support, per unit otherwise. */
  priceUsd: number;
  costUsd: number;
  /** Subscriptions bring MRR: a twelfth of the yearly price. */
  recurring: boolean;
};

export const PRODUCTS: readonly ProductSpec[] = [
  { key: 'starter', name: 'Lens Cloud Starter (seat, 1 year)', code: 'LC-STARTER', category: 'Subscription', priceUsd: 300, costUsd: 54, recurring: true },
  { key: 'pro', name: 'Lens Cloud Pro (seat, 1 year)', code: 'LC-PRO', category: 'Subscription', priceUsd: 600, costUsd: 96, recurring: true },
  { key: 'enterprise', name: 'Lens Cloud Enterprise (seat, 1 year)', code: 'LC-ENT', category: 'Subscription', priceUsd: 1200, costUsd: 168, recurring: true },
  { key: 'analytics', name: 'Analytics add-on (seat, 1 year)', code: 'LC-ANALYTICS', category: 'Subscription', priceUsd: 180, costUsd: 27, recurring: true },
  { key: 'support', name: 'Premium support (1 year)', code: 'LC-SUPPORT', category: 'Subscription', priceUsd: 3000, costUsd: 1100, recurring: true },
  { key: 'onboarding', name: 'Onboarding package', code: 'SV-ONBOARD', category: 'Services', priceUsd: 2500, costUsd: 1400, recurring: false },
  { key: 'migration', name: 'Data migration', code: 'SV-MIGRATE', category: 'Services', priceUsd: 4000, costUsd: 2600, recurring: false },
  { key: 'training', name: 'Training day', code: 'SV-TRAIN', category: 'Services', priceUsd: 1200, costUsd: 450, recurring: false },
];

export function productSpec(key: ProductKey): ProductSpec {
  const found = PRODUCTS.find((product) => product.key === key);
  if (!found) throw new Error(`demo data: unknown product ${key}`);
  return found;
}

export type DemoCurrency = 'USD' | 'EUR' | 'RUB';

/**
 * Local price lists: minor units of the currency per USD of list price. EUR lists are
 * rounded to whole euros and RUB lists to 10 roubles when lines are priced.
 */
export const PRICE_PER_USD: Record<DemoCurrency, number> = { USD: 1, EUR: 0.92, RUB: 90 };

/**
 * Exchange rates that suit the demo (units of USD per unit of the currency), for the
 * reporting-currency settings of a demo session. EUR deals also carry the CRM's own
 * `convertedAmount`; RUB deals do not, so without a RUB rate they are left out and counted.
 */
export const DEMO_EXCHANGE_RATES: Readonly<Record<string, number>> = { EUR: 1.08, RUB: 0.011 };

export type RegionSpec = {
  name: string;
  weight: number;
  countries: readonly { name: string; weight: number; currency: DemoCurrency; language: 'en' | 'ru' | 'de' | 'es' | 'fr' }[];
};

export const REGIONS: readonly RegionSpec[] = [
  {
    name: 'North America',
    weight: 34,
    countries: [
      { name: 'United States', weight: 80, currency: 'USD', language: 'en' },
      { name: 'Canada', weight: 20, currency: 'USD', language: 'en' },
    ],
  },
  {
    name: 'EMEA',
    weight: 30,
    countries: [
      { name: 'Germany', weight: 30, currency: 'EUR', language: 'de' },
      { name: 'United Kingdom', weight: 25, currency: 'USD', language: 'en' },
      { name: 'France', weight: 18, currency: 'EUR', language: 'fr' },
      { name: 'Netherlands', weight: 12, currency: 'EUR', language: 'en' },
      { name: 'Spain', weight: 10, currency: 'EUR', language: 'es' },
      { name: 'United Arab Emirates', weight: 5, currency: 'USD', language: 'en' },
    ],
  },
  {
    name: 'Russia & CIS',
    weight: 16,
    countries: [
      { name: 'Russia', weight: 75, currency: 'RUB', language: 'ru' },
      { name: 'Kazakhstan', weight: 15, currency: 'USD', language: 'ru' },
      { name: 'Armenia', weight: 10, currency: 'USD', language: 'ru' },
    ],
  },
  {
    name: 'APAC',
    weight: 12,
    countries: [
      { name: 'Australia', weight: 40, currency: 'USD', language: 'en' },
      { name: 'Singapore', weight: 30, currency: 'USD', language: 'en' },
      { name: 'India', weight: 30, currency: 'USD', language: 'en' },
    ],
  },
  {
    name: 'LATAM',
    weight: 8,
    countries: [
      { name: 'Brazil', weight: 45, currency: 'USD', language: 'es' },
      { name: 'Mexico', weight: 35, currency: 'USD', language: 'es' },
      { name: 'Chile', weight: 20, currency: 'USD', language: 'es' },
    ],
  },
];

/**
 * How the CRM spells each contact method: the raw values a mapper would normalise.
 * Russian-speaking accounts are handled by reps who type Russian values.
 */
export const CHANNEL_RAW: Record<'en' | 'ru', Record<ContactMethod, readonly string[]>> = {
  en: {
    call: ['Cold call', 'Outbound call'],
    email: ['Outbound email', 'Email campaign'],
    social: ['LinkedIn', 'Telegram'],
    inbound: ['Website form', 'Organic search', 'Paid search'],
    referral: ['Customer referral', 'Partner referral'],
    event: ['Trade show', 'Webinar'],
    other: ['Other', 'Unknown'],
  },
  ru: {
    call: ['Холодный звонок'],
    email: ['Email-рассылка'],
    social: ['Telegram', 'VK'],
    inbound: ['Заявка с сайта', 'Яндекс.Директ'],
    referral: ['Рекомендация', 'Партнёр'],
    event: ['Конференция', 'Вебинар'],
    other: ['Прочее'],
  },
};

/** Where leads come from (share of leads) and how good they are (chance to become an MQL). */
export const LEAD_CHANNELS: readonly (readonly [ContactMethod, number, number])[] = [
  ['inbound', 34, 0.7],
  ['email', 15, 0.45],
  ['social', 12, 0.5],
  ['referral', 10, 0.8],
  ['event', 11, 0.6],
  ['call', 11, 0.4],
  ['other', 7, 0.35],
];

/** Channels of deals a rep opens without a lead (outbound prospecting, referrals, events). */
export const DIRECT_CHANNELS: readonly (readonly [ContactMethod, number])[] = [
  ['call', 35],
  ['email', 25],
  ['referral', 15],
  ['event', 12],
  ['social', 8],
  ['other', 5],
];

export const LOST_REASONS: Record<'en' | 'ru', readonly (readonly [string, number])[]> = {
  en: [
    ['Price too high', 18],
    ['Chose a competitor', 22],
    ['No budget', 15],
    ['No decision / went dark', 22],
    ['Timing: not now', 12],
    ['Missing feature', 11],
  ],
  ru: [
    ['Дорого', 20],
    ['Выбрали конкурента', 25],
    ['Нет бюджета', 20],
    ['Пропал / не отвечает', 25],
    ['Не сейчас', 10],
  ],
};

/** Reasons an Expansion deal is lost; a deal still open when its customer churns is lost as `Customer churned`. */
/** The reason on a deal a rep closed at a pipeline clean-up because the buyer went quiet. */
export const WENT_DARK: Record<'en' | 'ru', string> = { en: 'No decision / went dark', ru: 'Пропал / не отвечает' };

export const EXPANSION_LOST_REASONS: Record<'en' | 'ru', readonly (readonly [string, number])[]> = {
  en: [
    ['No budget this quarter', 30],
    ['Not enough usage yet', 25],
    ['Chose a competitor', 10],
    ['Postponed to next year', 35],
  ],
  ru: [
    ['Нет бюджета в этом квартале', 40],
    ['Отложено на следующий год', 40],
    ['Выбрали конкурента', 20],
  ],
};

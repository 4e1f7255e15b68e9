import { intlTag, type Locale } from './locale';

/** A message, or plural forms chosen with Intl.PluralRules for `{count}`. */
type Message = string | { one: string; few?: string; many?: string; other: string };

/**
 * The UI's words. Keys are stable ids; Russian has the few/many plural forms.
 * KPI names and formulas live in the KPI registry, not here.
 */
const en = {
  'app.title': 'KPI Lens',
  'view.personal': 'Personal',
  'view.team': 'Team',
  'view.label': 'View',
  'period.label': 'Period',
  'period.today': 'Today',
  'period.week': 'This week',
  'period.month': 'This month',
  'period.quarter': 'This quarter',
  'period.year': 'This year',
  'period.fiscal-quarter': 'Fiscal quarter',
  'period.fiscal-year': 'Fiscal year',
  'period.custom': 'Custom',
  'activity.title': 'Activities',
  'activity.calls': 'Calls',
  'activity.emails': 'Emails',
  'activity.meetings': 'Meetings',
  'activity.today': 'Today',
  'activity.week': 'Week',
  'activity.month': 'Month',
  'activity.target': 'target {target}',
  'quota.title': 'Quota attainment',
  'quota.of': '{won} of {quota}',
  'quota.pace': 'Where you should be today: {pace}',
  'quota.projection': 'Projected at period end: {projected}',
  'quota.noQuota': 'No quota set for this period.',
  'pipeline.title': 'Pipeline',
  'pipeline.total': 'Total',
  'pipeline.weighted': 'Weighted',
  'pipeline.openDeals': { one: '{count} open deal', other: '{count} open deals' },
  'status.on-track': 'On track',
  'status.at-risk': 'At risk',
  'status.off-track': 'Off track',
  'sync.never': 'Not synced yet',
  'sync.last': 'Synced {when}',
  'sync.running': 'Syncing {object}… {records} records',
  'sync.quarantined': { one: '{count} record could not be read', other: '{count} records could not be read' },
  'sync.now': 'Sync now',
  'empty.title': 'No data yet',
  'empty.body': 'Connect your CRM in the options, or explore KPI Lens with demo data.',
  'empty.demo': 'Explore with demo data',
  'sidebar.collapse': 'Collapse sidebar',
  'sidebar.loading': 'Loading numbers…',
  'kpi.needsData': 'Needs data: {what}',
  'kpi.notDefined': 'Not defined: {reason}',
  'popup.records': { one: '{count} record', other: '{count} records' },
  'popup.toggle': 'Show or hide the sidebar',
  'popup.options': 'Options',
  'options.title': 'KPI Lens options',
  'options.connections': 'Connections',
  'options.noConnections': 'No CRM connected yet. Open your CRM in a tab to connect it, or look around with demo data first.',
  'options.demoLoaded': 'Demo data loaded: {count} records. Open the side panel or the popup to see the numbers.',
  'options.privacy': 'Your CRM data is stored only in this browser (IndexedDB of the extension) and is sent nowhere but to your own CRM.',
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof en;

const ru: Record<MessageKey, Message> = {
  'app.title': 'KPI Lens',
  'view.personal': 'Личные',
  'view.team': 'Команда',
  'view.label': 'Вид',
  'period.label': 'Период',
  'period.today': 'Сегодня',
  'period.week': 'Эта неделя',
  'period.month': 'Этот месяц',
  'period.quarter': 'Этот квартал',
  'period.year': 'Этот год',
  'period.fiscal-quarter': 'Финансовый квартал',
  'period.fiscal-year': 'Финансовый год',
  'period.custom': 'Свой период',
  'activity.title': 'Активности',
  'activity.calls': 'Звонки',
  'activity.emails': 'Письма',
  'activity.meetings': 'Встречи',
  'activity.today': 'Сегодня',
  'activity.week': 'Неделя',
  'activity.month': 'Месяц',
  'activity.target': 'цель {target}',
  'quota.title': 'Выполнение плана',
  'quota.of': '{won} из {quota}',
  'quota.pace': 'По плану на сегодня: {pace}',
  'quota.projection': 'Прогноз на конец периода: {projected}',
  'quota.noQuota': 'План на этот период не задан.',
  'pipeline.title': 'Воронка',
  'pipeline.total': 'Всего',
  'pipeline.weighted': 'Взвешенная',
  'pipeline.openDeals': { one: '{count} открытая сделка', few: '{count} открытые сделки', many: '{count} открытых сделок', other: '{count} открытой сделки' },
  'status.on-track': 'В графике',
  'status.at-risk': 'Под угрозой',
  'status.off-track': 'Отстаёт',
  'sync.never': 'Ещё не синхронизировано',
  'sync.last': 'Синхронизировано {when}',
  'sync.running': 'Синхронизация: {object}… {records} записей',
  'sync.quarantined': { one: '{count} запись не удалось прочитать', few: '{count} записи не удалось прочитать', many: '{count} записей не удалось прочитать', other: '{count} записи не удалось прочитать' },
  'sync.now': 'Синхронизировать',
  'empty.title': 'Данных пока нет',
  'empty.body': 'Подключите CRM в настройках или посмотрите KPI Lens на демо-данных.',
  'empty.demo': 'Открыть демо-данные',
  'sidebar.collapse': 'Свернуть панель',
  'sidebar.loading': 'Считаем показатели…',
  'kpi.needsData': 'Нужны данные: {what}',
  'kpi.notDefined': 'Не определено: {reason}',
  'popup.records': { one: '{count} запись', few: '{count} записи', many: '{count} записей', other: '{count} записи' },
  'popup.toggle': 'Показать или скрыть панель',
  'popup.options': 'Настройки',
  'options.title': 'Настройки KPI Lens',
  'options.connections': 'Подключения',
  'options.noConnections': 'CRM ещё не подключена. Откройте свою CRM во вкладке, чтобы подключить её, или сначала посмотрите демо-данные.',
  'options.demoLoaded': 'Демо-данные загружены: {count} записей. Откройте боковую панель или всплывающее окно, чтобы увидеть показатели.',
  'options.privacy': 'Данные вашей CRM хранятся только в этом браузере (IndexedDB расширения) и никуда не отправляются, кроме вашей собственной CRM.',
};

const dictionaries: Record<Locale, Record<MessageKey, Message>> = { en, ru };
const pluralRules = { en: new Intl.PluralRules('en-US'), ru: new Intl.PluralRules('ru-RU') };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Numbers in params are formatted for the locale (1,234 / 1 234); `count` also picks the plural form. */
export function translator(locale: Locale): Translate {
  const numbers = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 });
  return (key, params = {}) => {
    const message = dictionaries[locale][key];
    let text: string;
    if (typeof message === 'string') text = message;
    else {
      const form = pluralRules[locale].select(Number(params.count ?? 0)) as 'one' | 'few' | 'many' | 'other';
      text = message[form] ?? message.other;
    }
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = params[name]!;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

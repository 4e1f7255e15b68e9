/**
 * The words of the weekly summary, in English and Russian. They live with the summary (not in
 * lib/i18n/messages.ts) because the same text is written by the Markdown and CSV renderers, the CLI and
 * the print page; lib/i18n keeps the page's own controls. Russian has the one/few/many plural forms.
 */
import { intlTag, type Locale } from '../../i18n/locale';

type Text = string | { one: string; few?: string; many?: string; other: string };

const en = {
  title: 'Weekly summary',
  everyone: 'Everyone',
  weekOf: '{week}, {from} – {to}',
  asOf: 'Open deals and deals at risk as of {when} ({zone}). Amounts in {currency}.',
  partialWeek: 'The week is still running: its figures go to {when}, and last week’s to the same point of last week.',
  activities: 'Activities',
  'activity.call': 'Calls',
  'activity.email': 'Emails',
  'activity.meeting': 'Meetings',
  'activity.demo': 'Demos booked',
  'activity.total': 'Calls + emails + meetings',
  ofTarget: '{value} of {target}',
  lastWeek: 'last week {value}',
  lastWeekSoFar: 'last week to the same point {value}',
  fewClosed: { one: 'only {count} deal closed: too few for a trend', other: 'only {count} deals closed: too few for a trend' },
  fewWon: { one: 'on {count} won deal: too few for a trend', other: 'on {count} won deals: too few for a trend' },
  noActivities: 'No activities in the data.',
  deals: 'Deals',
  'deals.created': 'Created',
  'deals.won': 'Won',
  'deals.lost': 'Lost',
  'deals.winRate': 'Win rate',
  noDeals: 'No deals in the data.',
  quota: 'Quota',
  'quota.week': 'This week: {pct} of the week’s share of the quota ({sales} of {quota})',
  'quota.month': '{month} to date: {sales} of {quota} ({pct}); a straight line would be at {expected}',
  'quota.pace': 'pace {pace}',
  'quota.projected': 'projected {amount} by the month’s end',
  'quota.none': 'No quota covers this week.',
  'status.on-track': 'on track',
  'status.at-risk': 'at risk',
  'status.off-track': 'off track',
  pipeline: 'Pipeline change',
  'move.new': 'New',
  'move.advanced': 'Advanced',
  'move.slipped': 'Slipped',
  'move.won': 'Won',
  'move.lost': 'Lost',
  needsHistory: 'needs stage history',
  openNow: 'Open pipeline now: {deals}, {amount} (weighted {weighted})',
  topOpen: 'Top open deals',
  atRisk: 'Deals at risk',
  noneListed: 'None.',
  deals_n: { one: '{count} deal', other: '{count} deals' },
  withoutAmount: { one: '{count} without an amount', other: '{count} without an amount' },
  closes: 'closes {date}',
  idle: { one: 'no activity for {count} day', other: 'no activity for {count} days' },
  pastClose: { one: 'expected to close {count} day ago', other: 'expected to close {count} days ago' },
  movedBack: 'moved back: {from} → {to}',
  dueInWeek: 'expected to close this week, still open',
  stageStep: '{from} → {to}',
  chart: 'Activities per day',
  'chart.call': 'Calls',
  'chart.email': 'Emails',
  'chart.meeting': 'Meetings',
  'chart.other': 'Other',
  'chart.target': 'Daily target',
  chartAlt: 'Done activities per day, {from} to {to}: {days}.',
  notes: 'Notes',
  leftOut: { one: '{count} record left out of some figures: {reason}', other: '{count} records left out of some figures: {reason}' },
  hiddenPeers: {
    one: 'The numbers of {count} other rep are private: your team lead has not shared peer numbers.',
    other: 'The numbers of {count} other reps are private: your team lead has not shared peer numbers.',
  },
  quietReps: { one: '{count} rep with nothing this week is not listed.', other: '{count} reps with nothing this week are not listed.' },
  howCounted: 'How the pipeline change is counted',
  'define.new': 'New: deals created during the week.',
  'define.advanced': 'Advanced: open deals from before the week whose stage at the end of the week is later in the pipeline than at its start (from the stage history).',
  'define.slipped':
    'Slipped: open deals from before the week that moved back to an earlier stage, or whose expected close date is in the week and that were still open when it ended (the CRM keeps only the current close date, so a date pushed past the week is not seen).',
  'define.won': 'Won / lost: deals closed with that status during the week; a deal created and closed in the same week is in both rows.',
} satisfies Record<string, Text>;

export type SummaryTextKey = keyof typeof en;

const ru: Record<SummaryTextKey, Text> = {
  title: 'Недельная сводка',
  everyone: 'Все',
  weekOf: '{week}, {from} – {to}',
  asOf: 'Открытые и рискованные сделки — на {when} ({zone}). Суммы в {currency}.',
  partialWeek: 'Неделя ещё идёт: её цифры — по {when}, а прошлой недели — к тому же моменту прошлой недели.',
  activities: 'Активности',
  'activity.call': 'Звонки',
  'activity.email': 'Письма',
  'activity.meeting': 'Встречи',
  'activity.demo': 'Назначено демо',
  'activity.total': 'Звонки + письма + встречи',
  ofTarget: '{value} из {target}',
  lastWeek: 'прошлая неделя {value}',
  lastWeekSoFar: 'прошлая неделя к тому же моменту {value}',
  fewClosed: {
    one: 'закрыта всего {count} сделка: слишком мало для тренда',
    few: 'закрыто всего {count} сделки: слишком мало для тренда',
    many: 'закрыто всего {count} сделок: слишком мало для тренда',
    other: 'закрыто всего {count} сделки: слишком мало для тренда',
  },
  fewWon: {
    one: 'по {count} выигранной сделке: слишком мало для тренда',
    few: 'по {count} выигранным сделкам: слишком мало для тренда',
    many: 'по {count} выигранным сделкам: слишком мало для тренда',
    other: 'по {count} выигранной сделки: слишком мало для тренда',
  },
  noActivities: 'В данных нет активностей.',
  deals: 'Сделки',
  'deals.created': 'Создано',
  'deals.won': 'Выиграно',
  'deals.lost': 'Проиграно',
  'deals.winRate': 'Доля выигранных',
  noDeals: 'В данных нет сделок.',
  quota: 'План',
  'quota.week': 'Эта неделя: {pct} от доли плана на неделю ({sales} из {quota})',
  'quota.month': '{month} на сегодня: {sales} из {quota} ({pct}); по прямой было бы {expected}',
  'quota.pace': 'темп {pace}',
  'quota.projected': 'прогноз {amount} к концу месяца',
  'quota.none': 'На эту неделю план не задан.',
  'status.on-track': 'в графике',
  'status.at-risk': 'под угрозой',
  'status.off-track': 'отстаёт',
  pipeline: 'Движение воронки',
  'move.new': 'Новые',
  'move.advanced': 'Продвинулись',
  'move.slipped': 'Сдвинулись',
  'move.won': 'Выиграны',
  'move.lost': 'Проиграны',
  needsHistory: 'нужна история этапов',
  openNow: 'Открытая воронка сейчас: {deals}, {amount} (взвешенная {weighted})',
  topOpen: 'Крупнейшие открытые сделки',
  atRisk: 'Сделки под угрозой',
  noneListed: 'Нет.',
  deals_n: { one: '{count} сделка', few: '{count} сделки', many: '{count} сделок', other: '{count} сделки' },
  withoutAmount: { one: '{count} без суммы', few: '{count} без суммы', many: '{count} без суммы', other: '{count} без суммы' },
  closes: 'закрытие {date}',
  idle: { one: 'нет активности {count} день', few: 'нет активности {count} дня', many: 'нет активности {count} дней', other: 'нет активности {count} дня' },
  pastClose: {
    one: 'срок закрытия прошёл {count} день назад',
    few: 'срок закрытия прошёл {count} дня назад',
    many: 'срок закрытия прошёл {count} дней назад',
    other: 'срок закрытия прошёл {count} дня назад',
  },
  movedBack: 'вернулась назад: {from} → {to}',
  dueInWeek: 'должна была закрыться на этой неделе, ещё открыта',
  stageStep: '{from} → {to}',
  chart: 'Активности по дням',
  'chart.call': 'Звонки',
  'chart.email': 'Письма',
  'chart.meeting': 'Встречи',
  'chart.other': 'Другое',
  'chart.target': 'Цель на день',
  chartAlt: 'Выполненные активности по дням, с {from} по {to}: {days}.',
  notes: 'Примечания',
  leftOut: {
    one: '{count} запись не вошла в некоторые показатели: {reason}',
    few: '{count} записи не вошли в некоторые показатели: {reason}',
    many: '{count} записей не вошли в некоторые показатели: {reason}',
    other: '{count} записи не вошли в некоторые показатели: {reason}',
  },
  hiddenPeers: {
    one: 'Показатели {count} коллеги скрыты: руководитель не открыл цифры команды.',
    few: 'Показатели {count} коллег скрыты: руководитель не открыл цифры команды.',
    many: 'Показатели {count} коллег скрыты: руководитель не открыл цифры команды.',
    other: 'Показатели {count} коллеги скрыты: руководитель не открыл цифры команды.',
  },
  quietReps: {
    one: '{count} сотрудник без активности на этой неделе не показан.',
    few: '{count} сотрудника без активности на этой неделе не показаны.',
    many: '{count} сотрудников без активности на этой неделе не показаны.',
    other: '{count} сотрудника без активности на этой неделе не показаны.',
  },
  howCounted: 'Как считается движение воронки',
  'define.new': 'Новые: сделки, созданные за неделю.',
  'define.advanced': 'Продвинулись: открытые сделки, созданные до недели, чей этап в конце недели дальше по воронке, чем в её начале (по истории этапов).',
  'define.slipped':
    'Сдвинулись: открытые сделки, созданные до недели, которые вернулись на более ранний этап или чья ожидаемая дата закрытия пришлась на неделю, а к её концу они остались открытыми (CRM хранит только текущую дату закрытия, поэтому перенос даты за пределы недели не виден).',
  'define.won': 'Выиграны / проиграны: сделки, закрытые с этим статусом за неделю; сделка, созданная и закрытая на той же неделе, есть в обеих строках.',
};

const dictionaries: Record<Locale, Record<SummaryTextKey, Text>> = { en, ru };

export type SummaryText = (key: SummaryTextKey, params?: Record<string, string | number>) => string;

/** `{count}` picks the plural form and is written with the locale's digit grouping; other params are put in as given. */
export function summaryText(locale: Locale): SummaryText {
  const plural = new Intl.PluralRules(intlTag(locale));
  const numbers = new Intl.NumberFormat(intlTag(locale), { maximumFractionDigits: 1 });
  return (key, params = {}) => {
    const text = dictionaries[locale][key];
    const chosen = typeof text === 'string' ? text : (text[plural.select(Number(params.count ?? 0)) as 'one' | 'few' | 'many' | 'other'] ?? text.other);
    return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => {
      if (!(name in params)) return whole;
      const value = params[name] as string | number;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

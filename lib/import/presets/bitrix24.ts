import type { CsvPreset } from '../types';

/**
 * Bitrix24 CRM exports (Сделки, Дела, Лиды) from the Russian UI, and the same
 * lists written out from its REST API (`crm.deal.list` fields: `STAGE_ID`,
 * `OPPORTUNITY`, `CURRENCY_ID`, `ASSIGNED_BY_ID`, `DATE_CREATE`, `CLOSEDATE`,
 * `CLOSED`; see shared/contracts/bitrix24). Won/lost deals sit in the final
 * stages `Сделка успешна` / `Сделка провалена` (and `Анализ причины провала`),
 * in the API the codes `WON`, `LOSE`, `APOLOGY`, prefixed `C<n>:` in other
 * pipelines (`C6:WON`); `STAGE_SEMANTIC_ID` says S(uccess), F(ailure) or
 * P(rocess). `Закрыта` / `CLOSED` (Да/Нет, Y/N) says closed; `OPENED` (Y/N) is
 * "visible to everyone", not a date. `Дата завершения` / `CLOSEDATE` is the
 * planned close date of an open deal and the close date of a closed one.
 * Lead statuses end in `Качественный лид` (converted) / `Некачественный лид`,
 * in the API `CONVERTED` / `JUNK`. Activities' `TYPE_ID` is 1 meeting, 2 call,
 * 3 task, 4 email; `DIRECTION` 1 incoming, 2 outgoing.
 */
export const bitrix24Preset: CsvPreset = {
  id: 'bitrix24',
  name: 'Bitrix24',
  columns: {
    deals: {
      id: ['ID'],
      title: ['Название сделки', 'Название', 'TITLE'],
      owner: ['Ответственный', 'ASSIGNED_BY_ID'],
      stage: ['Стадия сделки', 'Стадия', 'STAGE_ID'],
      status: ['STAGE_SEMANTIC_ID'],
      isClosed: ['Закрыта', 'Сделка закрыта', 'CLOSED'],
      amount: ['Сумма', 'Сумма сделки', 'OPPORTUNITY'],
      currency: ['Валюта', 'CURRENCY_ID'],
      createdAt: ['Дата создания', 'DATE_CREATE'],
      closedAt: ['Дата завершения', 'Предполагаемая дата закрытия', 'Дата закрытия', 'CLOSEDATE'],
      updatedAt: ['Дата изменения', 'DATE_MODIFY'],
      probability: ['Вероятность', 'Вероятность, %', 'PROBABILITY'],
      product: ['Товар', 'Товары'],
      account: ['Компания', 'Название компании', 'COMPANY_ID'],
      region: ['Регион', 'Страна', 'Город'],
      source: ['Источник', 'SOURCE_ID'],
      pipeline: ['Воронка', 'Направление', 'CATEGORY_ID'],
      lastActivityAt: ['Последняя активность', 'Дата последней активности', 'LAST_ACTIVITY_TIME'],
    },
    activities: {
      id: ['ID'],
      type: ['Тип', 'Тип дела', 'TYPE_ID'],
      subject: ['Тема', 'Название', 'SUBJECT'],
      direction: ['Направление', 'DIRECTION'],
      occurredAt: ['Срок', 'Дата начала', 'Крайний срок', 'START_TIME', 'DEADLINE'],
      createdAt: ['Дата создания', 'CREATED'],
      done: ['Выполнено', 'Статус', 'Завершено', 'COMPLETED'],
      owner: ['Ответственный', 'RESPONSIBLE_ID'],
      deal: ['ID сделки', 'Сделка ID'],
      durationSec: ['Длительность', 'Продолжительность'],
    },
    leads: {
      id: ['ID'],
      name: ['Название лида', 'TITLE'],
      firstName: ['Имя', 'NAME'],
      lastName: ['Фамилия', 'LAST_NAME'],
      owner: ['Ответственный', 'ASSIGNED_BY_ID'],
      createdAt: ['Дата создания', 'DATE_CREATE'],
      status: ['Статус', 'Стадия', 'Статус лида', 'STATUS_ID'],
      source: ['Источник', 'SOURCE_ID'],
      convertedAt: ['Дата конвертации'],
      region: ['Регион', 'Страна', 'ADDRESS_COUNTRY'],
      updatedAt: ['Дата изменения', 'DATE_MODIFY'],
    },
  },
  wonValues: ['Сделка успешна', 'Успешна', 'Won'],
  lostValues: ['Сделка провалена', 'Провалена', 'Анализ причины провала', 'Lose', 'Apology'],
  statusCodes: { won: ['S'], lost: ['F'], open: ['P'] },
  noneValues: ['0'],
  stagePrefix: /^C\d+:/,
  activityCodes: { type: { '1': 'meeting', '2': 'call', '3': 'task', '4': 'email' }, direction: { '1': 'inbound', '2': 'outbound' } },
  locales: { ru: 'ru-RU' },
  accountCurrency: { ru: 'RUB' },
};

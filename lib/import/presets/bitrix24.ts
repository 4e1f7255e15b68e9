import type { CsvPreset } from '../types';

/**
 * Bitrix24 CRM exports (Сделки, Дела, Лиды), Russian UI. Won/lost deals sit in
 * the final stages `Сделка успешна` / `Сделка провалена` (and `Анализ причины
 * провала`, lost); `Закрыта` (Да/Нет) says closed. `Дата завершения` is the
 * planned close date of an open deal and the close date of a closed one. Lead
 * statuses end in `Качественный лид` (converted) / `Некачественный лид`.
 */
export const bitrix24Preset: CsvPreset = {
  id: 'bitrix24',
  name: 'Bitrix24',
  columns: {
    deals: {
      id: ['ID'],
      title: ['Название сделки', 'Название'],
      owner: ['Ответственный'],
      stage: ['Стадия сделки', 'Стадия'],
      isClosed: ['Закрыта', 'Сделка закрыта'],
      amount: ['Сумма', 'Сумма сделки'],
      currency: ['Валюта'],
      createdAt: ['Дата создания'],
      closedAt: ['Дата завершения', 'Предполагаемая дата закрытия', 'Дата закрытия'],
      updatedAt: ['Дата изменения'],
      probability: ['Вероятность', 'Вероятность, %'],
      product: ['Товар', 'Товары'],
      account: ['Компания', 'Название компании'],
      region: ['Регион', 'Страна', 'Город'],
      source: ['Источник'],
      pipeline: ['Воронка', 'Направление'],
    },
    activities: {
      id: ['ID'],
      type: ['Тип', 'Тип дела'],
      subject: ['Тема', 'Название'],
      direction: ['Направление'],
      occurredAt: ['Срок', 'Дата начала', 'Крайний срок'],
      createdAt: ['Дата создания'],
      done: ['Выполнено', 'Статус', 'Завершено'],
      owner: ['Ответственный'],
      deal: ['ID сделки', 'Сделка ID'],
      durationSec: ['Длительность', 'Продолжительность'],
    },
    leads: {
      id: ['ID'],
      name: ['Название лида'],
      firstName: ['Имя'],
      lastName: ['Фамилия'],
      owner: ['Ответственный'],
      createdAt: ['Дата создания'],
      status: ['Статус', 'Стадия', 'Статус лида'],
      source: ['Источник'],
      convertedAt: ['Дата конвертации'],
      region: ['Регион', 'Страна'],
      updatedAt: ['Дата изменения'],
    },
  },
  wonValues: ['Сделка успешна', 'Успешна', 'Won'],
  lostValues: ['Сделка провалена', 'Провалена', 'Анализ причины провала', 'Lose'],
  dateOrder: 'dmy',
};

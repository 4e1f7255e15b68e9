import type { CsvPreset } from '../types';

/**
 * amoCRM / Kommo deal exports, Russian and English UI. amoCRM calls stages
 * "statuses", so `Статус` / `Status` here is the stage; every pipeline ends in
 * the system stages `Успешно реализовано` (won, id 142) and `Закрыто и не
 * реализовано` (lost, id 143). Dates are `DD.MM.YYYY HH:MM:SS`; an open deal's
 * close date reads `не закрыта` / `not closed` (an empty date). The Russian
 * export (amoCRM.ru, priced and kept in roubles) writes budgets in RUB with
 * Russian number formats; the English one (Kommo) names no locale.
 */
export const amocrmPreset: CsvPreset = {
  id: 'amocrm',
  name: 'amoCRM (Kommo)',
  columns: {
    deals: {
      id: ['ID', 'ID сделки'],
      title: ['Название сделки', 'Сделка', 'Lead title', 'Lead name', 'Deal name'],
      owner: ['Ответственный', 'Responsible user', 'Responsible'],
      stage: ['Этап сделки', 'Этап', 'Статус', 'Статус сделки', 'Status', 'Stage', 'Lead status'],
      amount: ['Бюджет', 'Бюджет ₽', 'Бюджет, руб.', 'Budget', 'Sale'],
      createdAt: ['Дата создания сделки', 'Дата создания', 'Создана', 'Date created', 'Created', 'Created at', 'Lead created'],
      closedAt: ['Дата закрытия', 'Закрыта', 'Closed', 'Date closed', 'Closed at', 'Closing date'],
      updatedAt: ['Дата редактирования', 'Изменена', 'Дата изменения', 'Modified', 'Last modified', 'Date modified', 'Modified at'],
      account: ['Компания', 'Название компании', 'Company', 'Company name'],
      source: ['Источник', 'Источник сделки', 'Source'],
      pipeline: ['Воронка', 'Pipeline'],
      lostReason: ['Причина отказа', 'Loss reason'],
    },
  },
  wonValues: ['Успешно реализовано', 'Closed - won', 'Successfully realized', 'Won'],
  lostValues: ['Закрыто и не реализовано', 'Closed - lost', 'Closed and not realized', 'Lost'],
  locales: { ru: 'ru-RU' },
  accountCurrency: { ru: 'RUB' },
};

import type { CsvPreset } from '../types';

/**
 * amoCRM / Kommo deal exports, Russian and English UI. amoCRM calls stages
 * "statuses", so `Статус` / `Status` here is the stage; every pipeline ends in
 * the system stages `Успешно реализовано` (won, id 142) and `Закрыто и не
 * реализовано` (lost, id 143). Dates are `DD.MM.YYYY HH:MM:SS`.
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
      createdAt: ['Дата создания', 'Создана', 'Date created', 'Created'],
      closedAt: ['Дата закрытия', 'Закрыта', 'Closed', 'Date closed', 'Closed at'],
      updatedAt: ['Дата редактирования', 'Изменена', 'Дата изменения', 'Modified', 'Last modified'],
      account: ['Компания', 'Название компании', 'Company', 'Company name'],
      source: ['Источник', 'Источник сделки', 'Source'],
      pipeline: ['Воронка', 'Pipeline'],
      lostReason: ['Причина отказа', 'Loss reason'],
    },
  },
  wonValues: ['Успешно реализовано', 'Closed - won', 'Successfully realized', 'Won'],
  lostValues: ['Закрыто и не реализовано', 'Closed - lost', 'Closed and not realized', 'Lost'],
  dateOrder: 'dmy',
};

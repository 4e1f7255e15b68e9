/** Russian words of the summary screen: exactly the English keys (the type refuses a missing or an extra one). */
import type { Message } from '../../message';
import type { enSummary } from '../en/summary';

export const ruSummary: Record<keyof typeof enSummary, Message> = {
  // Недельная сводка и уведомление
  'summary.pageTitle': 'Недельная сводка',
  'summary.controls': 'Недельная сводка: неделя, вид и экспорт',
  'summary.loading': 'Собираем сводку…',
  'summary.noSource': 'CRM не подключена и демо-данных нет: подключите CRM или загрузите демо-данные в настройках.',
  'summary.noData': 'В этом источнике пока нет сделок и активностей.',
  'summary.error': 'Не удалось собрать сводку: {error}',
  'summary.source': 'Данные',
  'summary.week': 'Неделя',
  'summary.previousWeek': 'Предыдущая неделя',
  'summary.nextWeek': 'Следующая неделя',
  'summary.copyMarkdown': 'Скопировать в Markdown',
  'summary.copied': 'Скопировано: вставьте в Slack или письмо.',
  'summary.copyFailed': 'Не удалось скопировать в буфер обмена: {error}',
  'summary.downloadCsv': 'Скачать CSV',
  'summary.print': 'Печать или PDF',
  'summary.notify': 'Сообщать по понедельникам (08:30), что недельная сводка готова',
};

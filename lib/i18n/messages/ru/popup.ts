/** Russian words of the popup screen: exactly the English keys (the type refuses a missing or an extra one). */
import type { Message } from '../../message';
import type { enPopup } from '../en/popup';

export const ruPopup: Record<keyof typeof enPopup, Message> = {
  'popup.records': { one: '{count} запись', few: '{count} записи', many: '{count} записей', other: '{count} записи' },
  'popup.toggle': 'Показать или скрыть панель',
  'popup.options': 'Настройки',
  'popup.sidePanel': 'Открыть в боковой панели',
  'popup.sources': 'Ваши данные',
  'popup.actions': 'Действия',
};

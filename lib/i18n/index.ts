/** The public face of lib/i18n: what pages, entrypoints and scripts import (scripts/codemods/lib-imports.ts adds to it). */
export {
  formatChange,
  formatDate,
  formatDateTime,
  formatDayRange,
  formatMoney,
  formatNumber,
  formatPercent,
  formatPoints,
  formatPeriod,
  formatWeekday,
} from './format';
export { intlTag, type Locale, resolveLocale } from './locale';
export { ENGINE_REASON_KEYS, reasonWords } from './engine-reasons';
export { type MessageKey, type Translate, translator, type Message, translatorOf } from './messages';
export { weeklyNotificationWords } from './notification-words';
export { FRAME_LABELS, frameLabels, type FrameLabels, localeSetting, type LocaleSetting } from './frame-labels';

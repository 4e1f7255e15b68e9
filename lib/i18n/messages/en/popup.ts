/** English words of the popup screen (keys by prefix: see lib/i18n/messages.ts). */
import type { Message } from '../../message';

export const enPopup = {
  'popup.records': { one: '{count} record', other: '{count} records' },
  'popup.toggle': 'Show or hide the sidebar',
  'popup.options': 'Options',
  'popup.sidePanel': 'Open in side panel',
  'popup.sources': 'Your data',
  'popup.actions': 'Actions',
} satisfies Record<string, Message>;

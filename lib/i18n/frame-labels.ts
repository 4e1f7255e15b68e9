import { LOCALES, resolveLocale, type Locale } from './locale';

/**
 * The words of the sidebar's frame on the CRM page (its handle and resize grip). They live apart
 * from messages.ts because the content script stays tiny: it must not carry every string of the
 * product to name two controls.
 */
export type FrameLabels = { resize: string; open: string; collapse: string };

/** The rep's language setting: a language, or the browser's ('auto'). */
export type LocaleSetting = 'auto' | Locale;
export const LOCALE_SETTINGS = ['auto', ...LOCALES] as const;

export const FRAME_LABELS: Readonly<Record<Locale, FrameLabels>> = {
  en: { resize: 'Resize KPI Lens', open: 'Open KPI Lens', collapse: 'Collapse KPI Lens' },
  ru: { resize: 'Изменить ширину KPI Lens', open: 'Открыть KPI Lens', collapse: 'Свернуть KPI Lens' },
};

/** The language setting in stored settings, read defensively (any shape): 'auto' unless a known language. */
export function localeSetting(storedSettings: unknown): LocaleSetting {
  const setting = (storedSettings as { locale?: unknown } | null | undefined)?.locale;
  return (LOCALES as readonly unknown[]).includes(setting) ? (setting as Locale) : 'auto';
}

/** The frame's labels for the rep's language setting and the browser's language. */
export function frameLabels(setting: LocaleSetting | undefined, browserLanguage: string | undefined): FrameLabels {
  return FRAME_LABELS[resolveLocale(setting ?? 'auto', browserLanguage)];
}

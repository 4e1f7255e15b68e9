import { LOCALES, resolveLocale, type Locale } from './locale';

/**
 * The words of the sidebar's frame on the CRM page (its handle and resize grip). They live apart
 * from messages.ts because the content script stays tiny: it must not carry every string of the
 * product to name two controls.
 */
export type FrameLabels = { resize: string; open: string; collapse: string };

export const FRAME_LABELS: Readonly<Record<Locale, FrameLabels>> = {
  en: { resize: 'Resize KPI Lens', open: 'Open KPI Lens', collapse: 'Collapse KPI Lens' },
  ru: { resize: 'Изменить ширину KPI Lens', open: 'Открыть KPI Lens', collapse: 'Свернуть KPI Lens' },
};

/** The frame's labels for the stored settings (read defensively: any shape) and the browser's language. */
export function frameLabels(storedSettings: unknown, browserLanguage: string | undefined): FrameLabels {
  const setting = (storedSettings as { locale?: unknown } | null | undefined)?.locale;
  const choice = (LOCALES as readonly unknown[]).includes(setting) ? (setting as Locale) : 'auto';
  return FRAME_LABELS[resolveLocale(choice, browserLanguage)];
}

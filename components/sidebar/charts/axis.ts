import { intlTag, type Locale } from '@/lib/i18n';
import { minorToMajor } from '@/lib/money';

/**
 * Characters per line of a category label on a chart's side axis. Chart.js gives that axis at most
 * half the chart's width and clips what does not fit; 18 characters of the 12px axis font stay well
 * inside half of the narrowest sidebar's chart (280px wide: 140px).
 */
export const LABEL_LINE_CHARS = 18;
export const LABEL_LINES = 2;

/**
 * A category label as the lines Chart.js draws (an array is drawn one line under the other): broken
 * at spaces, a word longer than a line cut, at most two lines, the rest elided with "…". The full
 * label stays in the tooltip and the table.
 */
export function axisLabel(label: string, maxChars = LABEL_LINE_CHARS, maxLines = LABEL_LINES): string | string[] {
  const text = label.trim().replace(/\s+/g, ' ');
  if (text.length <= maxChars) return text;
  const lines: string[] = [];
  let line = '';
  const words = text.split(' ');
  for (let i = 0; i < words.length; i += 1) {
    let word = words[i]!;
    while (word.length > maxChars) {
      if (line) lines.push(line);
      lines.push(word.slice(0, maxChars));
      line = '';
      word = word.slice(maxChars);
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= maxChars) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const last = kept[maxLines - 1]!;
  kept[maxLines - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1) : last}…`;
  return kept;
}

/** Value-axis ticks of money: the reporting currency, short (12K $, 1.2M $), in the UI language's format. */
export function moneyTick(locale: Locale, currency: string): (value: number | string) => string {
  const format = new Intl.NumberFormat(intlTag(locale), {
    style: 'currency',
    currency,
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  });
  return (value) => (typeof value === 'number' ? format.format(value) : value);
}

/** Value-axis ticks of counts: whole numbers only, short, in the UI language's format. */
export function countTick(locale: Locale): (value: number | string) => string | null {
  const format = new Intl.NumberFormat(intlTag(locale), { notation: 'compact', maximumFractionDigits: 1 });
  // A count axis of a small chart would otherwise say 0.5 deals.
  return (value) => (typeof value !== 'number' ? value : Number.isInteger(value) ? format.format(value) : null);
}

/** Minor units to the major units a chart plots (cents to dollars; yen have none). */
export const plotted = (minor: number, currency: string) => minorToMajor(minor, currency);

/** A bucket's start as a short date in the rep's zone: "Dec 1" for days and weeks, "Jul 2026" for months. */
export function bucketLabel(start: number, unit: 'day' | 'week' | 'month', locale: Locale, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = unit === 'month' ? { month: 'short', year: 'numeric', timeZone } : { month: 'short', day: 'numeric', timeZone };
  return new Intl.DateTimeFormat(intlTag(locale), options).format(start);
}

import { browser } from 'wxt/browser';
import { type Responses, send as ask, type ImportBatch, type ImportedSource, type ImportSummary } from '@/lib/messaging';
import { effectiveTimeZone, loadSettings } from '@/lib/settings';

/** What the import section asks of the background and the browser; tests hand in a fake. */
export type ImportApi = {
  records(source: string, batch: ImportBatch): Promise<Responses['import/records']>;
  finish(source: string, summary: ImportSummary): Promise<Responses['import/finish']>;
  list(): Promise<ImportedSource[]>;
  remove(source: string): Promise<void>;
  /** The rep's zone and reporting currency, the defaults of an import. */
  defaults(): Promise<{ timeZone: string; currency: string }>;
  download(fileName: string, blob: Blob): void;
  /** Where the numbers of a source open (the side panel page, in a tab). */
  numbersUrl(source: string): string;
  now(): number;
};

export const browserImportApi: ImportApi = {
  records: (source, batch) => ask({ type: 'import/records', source, batch }),
  finish: (source, summary) => ask({ type: 'import/finish', source, summary }),
  list: async () => (await ask({ type: 'import/list' })).sources,
  remove: async (source) => {
    await ask({ type: 'import/delete', source });
  },
  defaults: async () => {
    const settings = await loadSettings();
    return { timeZone: effectiveTimeZone(settings, Intl.DateTimeFormat().resolvedOptions().timeZone), currency: settings.reportingCurrency };
  },
  download: (fileName, blob) => {
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  numbersUrl: (source) => `${browser.runtime.getURL('/sidepanel.html')}?source=${encodeURIComponent(source)}`,
  now: () => Date.now(),
};

/** `csv:<file name without extension>`: re-importing the same file lands in the same source. */
export function sourceForFile(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 150);
  return `csv:${base || 'import'}`;
}

export function isValidSource(source: string): boolean {
  return source.length <= 200 && /^csv:\S.*$/u.test(source);
}

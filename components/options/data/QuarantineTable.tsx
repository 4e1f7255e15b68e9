import type { ReactNode } from 'react';
import type { QuarantineEntry } from '@/lib/db';
import type { QuarantinePage } from '@/lib/export';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';

/** How much of a raw record the table shows: enough to recognise it; the CSV has all of it. */
export const RAW_PREVIEW_CHARS = 160;

/** The start of a raw record, on one line, cut with "…" (shown as text, never as markup). */
export function rawPreview(rawJson: string, max = RAW_PREVIEW_CHARS): string {
  const line = rawJson.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

export type QuarantineView = {
  page: QuarantinePage | undefined;
  loading: boolean;
  error: string | undefined;
  /** Entries before this page. */
  offset: number;
  /** Every entry of every source, as the statuses count them; undefined until known. */
  total: number | undefined;
  /** A source's name as the rep knows it. */
  sourceLabel: (source: string) => string;
  onPage: (to: 'next' | 'previous' | 'first') => void;
};

/**
 * The records that could not be read, a page at a time from the background (like the download):
 * why, from which source, which record, the start of the record as it came, and when. The CSV
 * download of all of them sits beside the table.
 */
export function QuarantineTable({ view, download, pageSize }: { view: QuarantineView; download: ReactNode; pageSize: number }) {
  const { t, dateTime } = useI18n();
  const { page, loading, error, offset, total } = view;
  const entries = page?.entries ?? [];
  const kind = (entry: QuarantineEntry) => t(`record.type.${entry.recordType}` as MessageKey);
  // The background's page says whether more may follow; the count says whether they do (a full last page has nothing after it).
  const more = page?.next !== null && page?.next !== undefined && (total === undefined || offset + entries.length < total);
  return (
    // Not a landmark of its own: the scrolling table below is the region the heading names.
    <div className="quarantine" aria-busy={loading}>
      <div className="quarantine-head">
        <h3 id="quarantine-title">{t('options.data.quarantine')}</h3>
        {download}
      </div>
      <p className="note">{t('options.data.quarantineHint')}</p>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {page && entries.length === 0 && offset === 0 ? (
        <p>{t('options.data.quarantineNone')}</p>
      ) : (
        entries.length > 0 && (
          <>
            <div className="quarantine-scroll" role="region" aria-labelledby="quarantine-title" tabIndex={0}>
              <table className="grid quarantine-table">
                <caption className="visually-hidden">{t('options.data.quarantine')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('options.data.quarantineWhy')}</th>
                    <th scope="col">{t('options.data.quarantineSource')}</th>
                    <th scope="col">{t('options.data.quarantineRecord')}</th>
                    <th scope="col">{t('options.data.quarantineRaw')}</th>
                    <th scope="col">{t('options.data.quarantineWhen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map((entry, i) => (
                    <tr key={entry.id ?? `${offset + i}`} data-entry={entry.id}>
                      <td className="quarantine-reason">{entry.reason}</td>
                      <td>{view.sourceLabel(entry.source)}</td>
                      <td>
                        {kind(entry)}
                        {entry.externalId !== undefined && (
                          <>
                            <br />
                            <code>{entry.externalId}</code>
                          </>
                        )}
                      </td>
                      <td>
                        <code className="quarantine-raw">{rawPreview(entry.rawJson)}</code>
                      </td>
                      <td className="nowrap">{dateTime(entry.at)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="inline quarantine-pages">
              <span role="status">
                {total !== undefined && total >= offset + entries.length
                  ? t('options.data.quarantineShowing', { from: offset + 1, to: offset + entries.length, total })
                  : t('options.data.quarantineShowingSome', { from: offset + 1, to: offset + entries.length })}
              </span>
              <button type="button" disabled={loading || offset === 0} onClick={() => view.onPage('previous')}>
                {t('options.data.quarantinePrevious', { count: pageSize })}
              </button>
              <button type="button" disabled={loading || !more} onClick={() => view.onPage('next')}>
                {t('options.data.quarantineNext', { count: pageSize })}
              </button>
            </div>
          </>
        )
      )}
      {page && entries.length === 0 && offset > 0 && (
        <button type="button" onClick={() => view.onPage('first')}>
          {t('options.data.quarantineFirst')}
        </button>
      )}
    </div>
  );
}

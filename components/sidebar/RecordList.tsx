import { useEffect, useState } from 'react';
import type { RecordPage, RecordRow } from '@/lib/views';
import { formatPeriod, type MessageKey } from '@/lib/i18n';
import { useI18n, type I18n } from '../common/i18n';
import { safeUrl } from './format';
import { RatesUsed } from './RatesUsed';

const KINDS = ['call', 'email', 'meeting', 'sms', 'task', 'other', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'sales', 'marketing'];
const STATUSES = ['open', 'won', 'lost', 'done', 'planned', 'converted', 'disqualified', 'churned', 'active'];

/** A record's kind or status in the UI language; an unknown value is shown as the CRM gave it. */
function word(t: I18n['t'], group: 'kind' | 'status', value: string): string {
  const known = group === 'kind' ? KINDS : STATUSES;
  return known.includes(value) ? t(`record.${group}.${value}` as MessageKey) : value;
}

/** Calendar days as instants of the same date in UTC, so formatting them in UTC gives back the very dates. */
const utcDay = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));

/** A row's name: a quota's or spend's days in words ("November 2026", "Oct – Dec 2026"), never ISO codes. */
function titleOf(row: RecordRow, locale: I18n['locale']): string {
  return row.span ? formatPeriod(utcDay(row.span.from), utcDay(row.span.to), 'UTC', locale) : row.title;
}

/** A page of records from an offset: a KPI's (records/get) or a forecast number's (forecast/records). */
export type LoadRecords = (offset: number) => Promise<RecordPage>;

/**
 * The records behind a number, a page at a time, each linked to the CRM when it has a link.
 * Links open in a new tab without giving the CRM page a handle on the sidebar (noopener).
 */
export function RecordList({ load, titleId }: { load: LoadRecords; titleId: string }) {
  const { t, money, date, locale } = useI18n();
  const [rows, setRows] = useState<RecordRow[]>([]);
  const [total, setTotal] = useState<{ total: number; listable: number }>();
  const [rates, setRates] = useState<Pick<RecordPage, 'rates' | 'reporting'>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(true);

  const more = (offset: number) => {
    setBusy(true);
    load(offset).then(
      (page) => {
        setRows((before) => (offset === 0 ? page.rows : [...before, ...page.rows]));
        setTotal({ total: page.total, listable: page.listable });
        if (offset === 0) setRates({ rates: page.rates, reporting: page.reporting });
        setError(undefined);
        setBusy(false);
      },
      (failure: unknown) => {
        setError(failure instanceof Error ? failure.message : String(failure));
        setBusy(false);
      },
    );
  };
  // The first page, once per list (the panel mounts a new list for each number).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => more(0), []);

  // An amount in another currency shows what the total counts: its converted amount, or why it is left out.
  const amountText = (row: RecordRow) => {
    if (!row.amount) return undefined;
    const own = money(row.amount.minor, row.amount.currency);
    const converted = row.converted;
    if (!converted || !rates.reporting) return own;
    if (!converted.ok) {
      const missing = /^no exchange rate for /.test(converted.reason);
      return `${own} (${missing ? t('explain.noRate', { currency: row.amount.currency }) : t('explain.notConverted', { reason: converted.reason })})`;
    }
    const shown = money(converted.minor, rates.reporting);
    return `${own} = ${converted.by === 'crm' ? t('explain.convertedByCrm', { amount: shown }) : shown}`;
  };
  const detail = (row: RecordRow) =>
    [row.kind && word(t, 'kind', row.kind), row.status && word(t, 'status', row.status), amountText(row), row.at !== undefined && date(row.at), row.ownerName]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className="records" aria-labelledby={titleId} aria-busy={busy}>
      <h3 id={titleId}>{t('explain.records', { count: total?.total ?? 0 })}</h3>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {total?.total === 0 && <p className="note">{t('explain.noRecords')}</p>}
      <ul>
        {rows.map((row) => {
          const url = safeUrl(row.url);
          return (
            <li key={`${row.type}:${row.id}`}>
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {titleOf(row, locale)}
                </a>
              ) : (
                <span>{titleOf(row, locale)}</span>
              )}
              <span className="muted">{detail(row)}</span>
            </li>
          );
        })}
      </ul>
      {total && rows.length < total.listable && (
        <button type="button" className="link" disabled={busy} onClick={() => more(rows.length)}>
          {t('explain.more', { shown: rows.length, total: total.total })}
        </button>
      )}
      {total && rows.length >= total.listable && total.total > total.listable && <p className="note">{t('explain.capped', { count: total.listable })}</p>}
      {rates.rates && rates.reporting && <RatesUsed rates={rates.rates} reporting={rates.reporting} />}
    </section>
  );
}

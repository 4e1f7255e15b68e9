import { useEffect, useState } from 'react';
import type { RecordRow } from '@/lib/views';
import type { Responses } from '@/lib/messaging';
import type { MessageKey } from '@/lib/i18n';
import { useI18n, type I18n } from '../common/i18n';
import { safeUrl } from './format';

const KINDS = ['call', 'email', 'meeting', 'sms', 'task', 'other', 'new', 'expansion', 'contraction', 'churn', 'reactivation', 'sales', 'marketing'];
const STATUSES = ['open', 'won', 'lost', 'done', 'planned', 'converted', 'disqualified', 'churned', 'active'];

/** A record's kind or status in the UI language; an unknown value is shown as the CRM gave it. */
function word(t: I18n['t'], group: 'kind' | 'status', value: string): string {
  const known = group === 'kind' ? KINDS : STATUSES;
  return known.includes(value) ? t(`record.${group}.${value}` as MessageKey) : value;
}

export type LoadRecords = (offset: number) => Promise<Responses['records/get']>;

/**
 * The records behind a number, a page at a time, each linked to the CRM when it has a link.
 * Links open in a new tab without giving the CRM page a handle on the sidebar (noopener).
 */
export function RecordList({ load, titleId }: { load: LoadRecords; titleId: string }) {
  const { t, money, date } = useI18n();
  const [rows, setRows] = useState<RecordRow[]>([]);
  const [total, setTotal] = useState<{ total: number; listable: number }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(true);

  const more = (offset: number) => {
    setBusy(true);
    load(offset).then(
      (page) => {
        setRows((before) => (offset === 0 ? page.rows : [...before, ...page.rows]));
        setTotal({ total: page.total, listable: page.listable });
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

  const detail = (row: RecordRow) =>
    [row.kind && word(t, 'kind', row.kind), row.status && word(t, 'status', row.status), row.amount && money(row.amount.minor, row.amount.currency), row.at !== undefined && date(row.at), row.ownerName]
      .filter(Boolean)
      .join(' · ');

  return (
    <section className="records" aria-labelledby={titleId} aria-busy={busy}>
      <h3 id={titleId}>{t('explain.records', { count: total?.total ?? 0 })}</h3>
      {error && <p className="problem" role="alert">{error}</p>}
      {total?.total === 0 && <p className="note">{t('explain.noRecords')}</p>}
      <ul>
        {rows.map((row) => {
          const url = safeUrl(row.url);
          return (
            <li key={`${row.type}:${row.id}`}>
              {url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {row.title}
                </a>
              ) : (
                <span>{row.title}</span>
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
    </section>
  );
}

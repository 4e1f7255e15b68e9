import type { ReactNode } from 'react';
import type { Preview } from '@/lib/import';
import { formatDate, formatDateTime, type MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';

type Column = { label: MessageKey; cell: (record: Record<string, unknown>) => ReactNode };

/** The first records of the file exactly as they will be stored: what the rep checks before importing. */
export function PreviewTable({ preview }: { preview: Preview }) {
  const { t, money, locale } = useI18n();
  const owners = new Map(preview.sample.owners.map((owner) => [owner.externalId, owner.name]));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  // Shown in the zone the file is read in: a date without a time is that day's midnight there, shown as the day alone.
  const when = (value: unknown) =>
    typeof value === 'number'
      ? isMidnight(value, preview.timeZone)
        ? formatDate(value, preview.timeZone, locale)
        : formatDateTime(value, preview.timeZone, locale)
      : '';
  const owner = (record: Record<string, unknown>) => owners.get(text(record.ownerId)) ?? text(record.ownerId);
  const status = (value: unknown) => (typeof value === 'string' ? t(`import.status.${value}` as MessageKey) : '');
  const columns: Record<Preview['kind'], Column[]> = {
    deals: [
      { label: 'field.title', cell: (r) => text(r.title) },
      { label: 'field.owner', cell: owner },
      { label: 'field.status', cell: (r) => status(r.status) },
      { label: 'field.stage', cell: (r) => text(r.stageId) },
      { label: 'field.amount', cell: (r) => (isMoney(r.amount) ? money(r.amount.minor, r.amount.currency) : '') },
      { label: 'field.createdAt', cell: (r) => when(r.createdAt) },
      { label: 'field.closedAt', cell: (r) => when(r.closedAt) },
      { label: 'field.expectedCloseAt', cell: (r) => when(r.expectedCloseAt) },
    ],
    activities: [
      { label: 'field.type', cell: (r) => text(r.subtype) || text(r.type) },
      { label: 'field.subject', cell: (r) => text(r.title) },
      { label: 'field.occurredAt', cell: (r) => when(r.occurredAt) },
      { label: 'field.owner', cell: owner },
      { label: 'field.done', cell: (r) => (r.done ? t('import.yes') : t('import.no')) },
    ],
    leads: [
      { label: 'field.name', cell: (r) => text(r.name) },
      { label: 'field.status', cell: (r) => status(r.status) },
      { label: 'field.createdAt', cell: (r) => when(r.createdAt) },
      { label: 'field.owner', cell: owner },
      { label: 'field.source', cell: (r) => text(r.channelRaw) },
    ],
  };
  const records = preview.sample[preview.kind] as unknown as Record<string, unknown>[];
  if (records.length === 0) return null;
  return (
    <div className="import-preview">
      <table className="grid">
        <caption>{t('import.preview')}</caption>
        <thead>
          <tr>
            {columns[preview.kind].map((column) => (
              <th key={column.label} scope="col">
                {t(column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr key={text(record.externalId)}>
              {columns[preview.kind].map((column) => (
                <td key={column.label}>{column.cell(record)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rejectCount > 0 && <p className="warn">{t('import.previewProblems', { count: preview.rejectCount })}</p>}
    </div>
  );
}

function isMidnight(ms: number, timeZone: string): boolean {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(ms);
  return parts === '00:00:00';
}

function isMoney(value: unknown): value is { minor: number; currency: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { minor?: unknown }).minor === 'number' &&
    typeof (value as { currency?: unknown }).currency === 'string'
  );
}

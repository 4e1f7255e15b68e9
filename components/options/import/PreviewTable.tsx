import type { ReactNode } from 'react';
import { formatDate } from '../../../lib/i18n/format';
import type { MessageKey } from '../../../lib/i18n/messages';
import { useI18n } from '../../common/i18n';
import type { Preview } from './engine-core';

type Column = { label: MessageKey; cell: (record: Record<string, unknown>) => ReactNode };

/** The first records of the file exactly as they will be stored: what the rep checks before importing. */
export function PreviewTable({ preview }: { preview: Preview }) {
  const { t, money, dateTime, locale } = useI18n();
  const owners = new Map(preview.sample.owners.map((owner) => [owner.externalId, owner.name]));
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  // A day the file gives without a time is that day where it was read, not a midnight in the rep's zone.
  const day = (value: number) => formatDate(value, preview.timeZone, locale);
  const at = (property: string) => (record: Record<string, unknown>) => {
    const value = record[property];
    if (typeof value !== 'number') return '';
    return preview.dateOnly.includes(property) ? day(value) : dateTime(value);
  };
  const owner = (record: Record<string, unknown>) => owners.get(text(record.ownerId)) ?? text(record.ownerId);
  const status = (value: unknown) => (typeof value === 'string' ? t(`import.status.${value}` as MessageKey) : '');
  const columns: Record<Preview['kind'], Column[]> = {
    deals: [
      { label: 'field.title', cell: (r) => text(r.title) },
      { label: 'field.owner', cell: owner },
      { label: 'field.status', cell: (r) => status(r.status) },
      { label: 'field.stage', cell: (r) => text(r.stageId) },
      { label: 'field.amount', cell: (r) => (isMoney(r.amount) ? money(r.amount.minor, r.amount.currency) : '') },
      { label: 'field.createdAt', cell: at('createdAt') },
      { label: 'field.closedAt', cell: at('closedAt') },
      { label: 'field.expectedCloseAt', cell: at('expectedCloseAt') },
    ],
    activities: [
      { label: 'field.type', cell: (r) => text(r.subtype) || text(r.type) },
      { label: 'field.subject', cell: (r) => text(r.title) },
      { label: 'field.occurredAt', cell: at('occurredAt') },
      { label: 'field.owner', cell: owner },
      { label: 'field.done', cell: (r) => (r.done ? t('import.yes') : t('import.no')) },
    ],
    leads: [
      { label: 'field.name', cell: (r) => text(r.name) },
      { label: 'field.status', cell: (r) => status(r.status) },
      { label: 'field.createdAt', cell: at('createdAt') },
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

function isMoney(value: unknown): value is { minor: number; currency: string } {
  return typeof value === 'object' && value !== null && typeof (value as { minor?: unknown }).minor === 'number' && typeof (value as { currency?: unknown }).currency === 'string';
}

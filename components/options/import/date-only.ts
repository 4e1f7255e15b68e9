import { hasTimeOfDay } from '../../../lib/import/dates';
import type { AnyField } from '../../../lib/import/types';
import type { ColumnChoice } from './header-rewrite';

/** A stored date the preview shows, and the columns it can be read from (in the order deal/activity rows try them). */
const SOURCES: Record<string, { fields: AnyField[]; time?: AnyField }> = {
  createdAt: { fields: ['createdAt'] },
  closedAt: { fields: ['closedAt', 'wonAt', 'lostAt'] },
  // An open deal's close date is when it is expected to close.
  expectedCloseAt: { fields: ['expectedCloseAt', 'closedAt'] },
  occurredAt: { fields: ['occurredAt', 'createdAt'], time: 'time' },
};

/**
 * The record dates that the file gives as days only ("2016-10-20"): every
 * non-empty cell of the columns they are read from has no time of day, and no
 * separate time column adds one. The importer stores such a day as its local
 * midnight, which a date-and-time format would show as a made-up "12:00 AM".
 */
export function dateOnlyProperties(rows: readonly (readonly string[])[], columns: ColumnChoice): string[] {
  return Object.entries(SOURCES)
    .filter(([, source]) => {
      if (source.time !== undefined && columns[source.time] !== undefined) return false;
      const cells = source.fields
        .map((field) => columns[field])
        .filter((index): index is number => index !== undefined)
        .flatMap((index) => rows.map((row) => row[index]?.trim() ?? ''))
        .filter((cell) => cell !== '');
      return cells.length > 0 && !cells.some(hasTimeOfDay);
    })
    .map(([property]) => property);
}

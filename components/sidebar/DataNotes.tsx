import { useI18n } from '../common/i18n';

/**
 * What the rep should know before reading the numbers of a file: where its data ends (the view is
 * as of then, not today) and that it holds no activities (so nothing is counted as idle).
 */
export function DataNotes({ dataEndsAt, noActivityData }: { dataEndsAt?: number; noActivityData?: boolean }) {
  const { t, date } = useI18n();
  if (dataEndsAt === undefined && !noActivityData) return null;
  return (
    <div className="data-notes" role="note">
      {dataEndsAt !== undefined && <p data-note="data-ends">{t('sidebar.dataEnds', { date: date(dataEndsAt) })}</p>}
      {noActivityData && <p data-note="no-activities">{t('sidebar.noActivities')}</p>}
    </div>
  );
}

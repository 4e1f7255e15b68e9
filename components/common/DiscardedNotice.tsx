import type { DiscardedNotice as Notice } from '@/lib/db';
import { useI18n } from './i18n';

/**
 * The browser replaced KPI Lens's database by an empty one (lib/db/continuity.ts): what was lost,
 * what comes back by itself (the CRM's records, synced again) and what the rep must do again
 * (token connections, imported files). Stays until dismissed, in every page.
 */
export function DiscardedNotice({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const { t, dateTime } = useI18n();
  return (
    <div className="notice" role="status" data-discarded-at={notice.at}>
      <p>
        <strong>{t('notice.discarded.title')}</strong>
      </p>
      <p>{t('notice.discarded.what', { when: dateTime(notice.at) })}</p>
      <p>{t('notice.discarded.todo')}</p>
      <button type="button" className="link" onClick={onDismiss}>
        {t('notice.discarded.dismiss')}
      </button>
    </div>
  );
}

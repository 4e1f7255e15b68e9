import { browser } from 'wxt/browser';
import { useI18n } from '../common/i18n';
import { useBackgroundStatus } from '../common/use-status';
import { ReadTableAction } from '../options/import/ReadTableAction';
import { OpenSidePanel } from '../sidebar/OpenSidePanel';

/** The toolbar popup: what is synced, show/hide the sidebar, open the options. */
export function Popup() {
  const { t, number, dateTime } = useI18n();
  const { sources } = useBackgroundStatus();
  return (
    <div className="popup">
      <h1>{t('app.title')}</h1>
      {sources === undefined ? (
        <p className="note">{t('sidebar.loading')}</p>
      ) : sources.length === 0 ? (
        <p className="note">{t('empty.body')}</p>
      ) : (
        <ul className="sources">
          {sources.map((source) => (
            <li key={source.source}>
              <strong>{source.label}</strong> · {t('popup.records', { count: source.records })}
              <br />
              <span className="note">
                {source.syncing ? t('sync.running', { object: '', records: number(source.records) }) : source.lastSyncAt ? t('sync.last', { when: dateTime(source.lastSyncAt) }) : t('sync.never')}
              </span>
              {source.quarantined > 0 && <span className="warn"> · {t('sync.quarantined', { count: source.quarantined })}</span>}
              {source.problem && <p className="problem">{source.problem.userAction}</p>}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void browser.runtime.sendMessage({ type: 'sidebar/toggle' })}>
          {t('popup.toggle')}
        </button>
        <ReadTableAction />
        <OpenSidePanel />
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('popup.options')}
        </button>
      </div>
    </div>
  );
}

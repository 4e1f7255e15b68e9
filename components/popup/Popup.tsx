import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import { useI18n } from '../common/i18n';
import { useCreated } from '../common/page-store';
import { ReadTableAction } from '../options/import/ReadTableAction';
import { OpenSidePanel } from '../sidebar/OpenSidePanel';
import { createPopupStore, PopupStoreProvider, usePopup } from './store';

/** The toolbar popup: what is synced, show/hide the sidebar, open the options. */
export function Popup() {
  const store = useCreated(createPopupStore);
  return (
    <PopupStoreProvider store={store}>
      <PopupScreen />
    </PopupStoreProvider>
  );
}

/** Shows or hides the sidebar of the active CRM tab; without one there is nothing to toggle, and nothing to say. */
const toggleSidebar = () => void send({ type: 'sidebar/toggle' }).catch(() => undefined);

function PopupScreen() {
  const { t, number, dateTime } = useI18n();
  const sources = usePopup((state) => state.answers.sources.value);
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
        <button type="button" className="primary" onClick={toggleSidebar}>
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

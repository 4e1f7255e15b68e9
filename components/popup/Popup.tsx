import { browser } from 'wxt/browser';
import { type SourceStatus, send } from '@/lib/messaging';
import { useI18n } from '../common/i18n';
import { useCreated } from '../common/page-store';
import { sourceStatusLine } from '../common/source-line';
import { ReadTableAction } from '../options/import/ReadTableAction';
import { OpenSidePanel } from '../sidebar/OpenSidePanel';
import { createPopupStore, PopupStoreProvider, usePopup } from './store';
import './popup.css';

/** The toolbar popup: what data KPI Lens holds and how fresh it is, show/hide the sidebar, the side panel, the options. */
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
  const { t } = useI18n();
  const sources = usePopup((state) => state.answers.sources.value);
  return (
    <div className="popup">
      <header className="bar">
        <h1>{t('app.title')}</h1>
      </header>
      <main className="popup-body">
        <section aria-labelledby="popup-sources-title">
          <h2 id="popup-sources-title" className="section-title">
            {t('popup.sources')}
          </h2>
          {sources === undefined ? (
            <p className="loading">{t('sidebar.loading')}</p>
          ) : sources.length === 0 ? (
            <p className="note">{t('empty.body')}</p>
          ) : (
            <ul className="popup-sources">
              {sources.map((source) => (
                <SourceCard key={source.source} source={source} />
              ))}
            </ul>
          )}
        </section>
        <nav className="popup-actions" aria-label={t('popup.actions')}>
          <button type="button" className="primary" onClick={toggleSidebar}>
            {t('popup.toggle')}
          </button>
          <ReadTableAction />
          <OpenSidePanel />
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('popup.options')}
          </button>
        </nav>
      </main>
    </div>
  );
}

function SourceCard({ source }: { source: SourceStatus }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <li className="card popup-source" data-source={source.source}>
      <p className="popup-source-head">
        <strong>{source.label}</strong>
        <span className="muted">{t('popup.records', { count: source.records })}</span>
      </p>
      <p className="note" data-status-line>
        {sourceStatusLine(source, i18n)}
      </p>
      {source.quarantined > 0 && <p className="warn note">{t('sync.quarantined', { count: source.quarantined })}</p>}
      {source.problem && <p className="problem note">{source.problem.userAction}</p>}
    </li>
  );
}

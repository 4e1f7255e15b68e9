import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useI18n } from '../../common/i18n';
import { Section } from '../form';
import { browserImportApi, type ImportApi } from './api';
import { defaultEngine, type ImportEngine } from './engine';
import { ImportedSources } from './ImportedSources';
import { ImportForm } from './ImportForm';
import { ImportRun } from './ImportRun';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { createImportStore } from './store';
import './import.css';

/**
 * Options → Import: a CSV export of any CRM into a source of its own
 * (`csv:<file name>`). The file is parsed in a worker; the rep sees the
 * column for each field, how each amount and date column reads (and changes
 * it), the first records as they will be stored, imports, and gets every row
 * that was not imported with its line and reason (and as a CSV to fix). The
 * screen's state lives in a Zustand store; `api` and `engine` are replaced in tests.
 */
export function ImportSection({ api = browserImportApi, engine = defaultEngine }: { api?: ImportApi; engine?: () => ImportEngine }) {
  const { t } = useI18n();
  const [store] = useState(() => createImportStore(api, engine));
  useEffect(() => store.getState().init(), [store]);
  const preview = useStore(store, (state) => state.preview);
  const phase = useStore(store, (state) => state.phase);
  const file = useStore(store, (state) => state.file);
  const imported = useStore(store, (state) => state.imported);
  const remove = useStore(store, (state) => state.remove);
  return (
    <Section id="import-heading" title={t('import.title')} intro={t('import.intro')}>
      <ImportForm store={store} />
      {phase === 'previewing' && !preview && <p role="status">{t('import.scanning')}</p>}
      {preview && !preview.error && <PreviewTable preview={preview} />}
      {preview && preview.headers.length > 0 && <MappingTable store={store} />}
      {file && <ImportRun store={store} numbersUrl={api.numbersUrl} />}
      <ImportedSources sources={imported} numbersUrl={api.numbersUrl} onDelete={remove} />
    </Section>
  );
}

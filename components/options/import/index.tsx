import { useI18n } from '../../common/i18n';
import { Section } from '../form';
import { browserImportApi, type ImportApi } from './api';
import { defaultEngine, type ImportEngine } from './engine';
import { ImportedSources } from './ImportedSources';
import { ImportForm } from './ImportForm';
import { ImportRun } from './ImportRun';
import { MappingTable } from './MappingTable';
import { PreviewTable } from './PreviewTable';
import { useImporter } from './use-importer';
import './import.css';

/**
 * Options → Import: a CSV export of any CRM into a source of its own
 * (`csv:<file name>`). The file is parsed in a worker; the rep sees the
 * column for each field and the first records as they will be stored, can
 * change both, imports, and gets every row that was not imported with its
 * line and reason (and as a CSV to fix). `api` and `engine` are replaced in tests.
 */
export function ImportSection({ api = browserImportApi, engine = defaultEngine }: { api?: ImportApi; engine?: () => ImportEngine }) {
  const { t } = useI18n();
  const importer = useImporter(api, engine);
  const { state } = importer;
  return (
    <Section id="import-heading" title={t('import.title')} intro={t('import.intro')}>
      <ImportForm importer={importer} />
      {state.preview && !state.preview.error && <PreviewTable preview={state.preview} />}
      {state.preview && state.preview.headers.length > 0 && (
        <MappingTable preview={state.preview} disabled={state.phase === 'importing'} onChange={(field, index) => importer.setColumn(field, index)} />
      )}
      {state.file && <ImportRun importer={importer} numbersUrl={api.numbersUrl} />}
      <ImportedSources sources={state.imported} numbersUrl={api.numbersUrl} onDelete={importer.remove} />
    </Section>
  );
}

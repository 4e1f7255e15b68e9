import { PRESETS } from '../../../lib/import/presets';
import { IMPORT_KINDS, PRESET_IDS } from '../../../lib/import/types';
import type { MessageKey } from '../../../lib/i18n/messages';
import { useI18n } from '../../common/i18n';
import { Field } from '../form';
import { isValidSource } from './api';
import type { Choices, Importer } from './use-importer';

/** The file, the source it goes into, and what KPI Lens cannot always guess: format, kind, currency, date order. */
export function ImportForm({ importer }: { importer: Importer }) {
  const { t } = useI18n();
  const { state } = importer;
  const busy = state.phase === 'importing';
  const csvSources = state.imported.filter((entry) => entry.origin === 'csv');
  const choose = <K extends keyof Choices>(key: K) => (event: { target: { value: string } }) => importer.setChoice(key, event.target.value as Choices[K]);
  return (
    <>
      <Field id="import-file" label={t('import.file')}>
        {(props) => (
          <input
            {...props}
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) importer.chooseFile(file);
            }}
          />
        )}
      </Field>
      {state.file && (
        <>
          <Field id="import-source" label={t('import.source')} hint={t('import.sourceHint')} error={isValidSource(state.source) ? undefined : t('import.sourceInvalid')}>
            {(props) => <input {...props} type="text" list="import-sources" value={state.source} disabled={busy} onChange={(event) => importer.setSource(event.target.value)} />}
          </Field>
          <datalist id="import-sources">
            {csvSources.map((entry) => (
              <option key={entry.source} value={entry.source} label={entry.label} />
            ))}
          </datalist>
          <Field id="import-preset" label={t('import.preset')}>
            {(props) => (
              <select {...props} value={state.choices.preset} disabled={busy} onChange={choose('preset')}>
                <option value="auto">{t('import.preset.auto')}</option>
                {PRESET_IDS.map((id) => (
                  <option key={id} value={id}>
                    {PRESETS[id].name}
                  </option>
                ))}
                <option value="none">{t('import.preset.none')}</option>
              </select>
            )}
          </Field>
          <Field id="import-kind" label={t('import.kind')}>
            {(props) => (
              <select {...props} value={state.choices.kind} disabled={busy} onChange={choose('kind')}>
                <option value="auto">{t('import.kind.auto')}</option>
                {IMPORT_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`import.kind.${kind}` as MessageKey)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="import-currency" label={t('import.currency')}>
            {(props) => (
              <input
                {...props}
                type="text"
                size={4}
                maxLength={3}
                pattern="[A-Za-z]{3}"
                defaultValue={state.choices.currency}
                key={state.choices.currency}
                disabled={busy}
                onBlur={(event) => {
                  const code = event.target.value.trim().toUpperCase();
                  if (/^[A-Z]{3}$/.test(code) && code !== state.choices.currency) importer.setChoice('currency', code);
                }}
              />
            )}
          </Field>
          <Field id="import-date-order" label={t('import.dateOrder')}>
            {(props) => (
              <select {...props} value={state.choices.dateOrder} disabled={busy} onChange={choose('dateOrder')}>
                <option value="auto">{t('import.dateOrder.auto')}</option>
                <option value="mdy">{t('import.dateOrder.mdy')}</option>
                <option value="dmy">{t('import.dateOrder.dmy')}</option>
              </select>
            )}
          </Field>
        </>
      )}
    </>
  );
}

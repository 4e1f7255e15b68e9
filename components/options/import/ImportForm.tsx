import { useStore } from 'zustand';
import { PRESETS, IMPORT_KINDS, PRESET_IDS } from '@/lib/import';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { Field } from '../form';
import { isValidSource } from './api';
import type { Choices, ImporterStore } from './store';

/** The file, the source it goes into, and what KPI Lens cannot always tell: format, kind, currency, date order, decimal mark. */
export function ImportForm({ store }: { store: ImporterStore }) {
  const { t } = useI18n();
  const phase = useStore(store, (state) => state.phase);
  const file = useStore(store, (state) => state.file);
  const source = useStore(store, (state) => state.source);
  const choices = useStore(store, (state) => state.choices);
  const imported = useStore(store, (state) => state.imported);
  const { chooseFile, setSource, setChoice } = store.getState();
  const busy = phase === 'importing';
  const csvSources = imported.filter((entry) => entry.origin === 'csv');
  const choose =
    <K extends keyof Choices>(key: K) =>
    (event: { target: { value: string } }) =>
      setChoice(key, event.target.value as Choices[K]);
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
              const chosen = event.target.files?.[0];
              if (chosen) chooseFile(chosen);
            }}
          />
        )}
      </Field>
      {file && (
        <>
          <Field
            id="import-source"
            label={t('import.source')}
            hint={t('import.sourceHint')}
            error={isValidSource(source) ? undefined : t('import.sourceInvalid')}
          >
            {(props) => (
              <input {...props} type="text" list="import-sources" value={source} disabled={busy} onChange={(event) => setSource(event.target.value)} />
            )}
          </Field>
          <datalist id="import-sources">
            {csvSources.map((entry) => (
              <option key={entry.source} value={entry.source} label={entry.label} />
            ))}
          </datalist>
          <Field id="import-preset" label={t('import.preset')}>
            {(props) => (
              <select {...props} value={choices.preset} disabled={busy} onChange={choose('preset')}>
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
              <select {...props} value={choices.kind} disabled={busy} onChange={choose('kind')}>
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
                placeholder={t('import.currencyAuto')}
                defaultValue={choices.currency}
                key={choices.currency}
                disabled={busy}
                onBlur={(event) => {
                  const code = event.target.value.trim().toUpperCase();
                  if ((code === '' || /^[A-Z]{3}$/.test(code)) && code !== choices.currency) setChoice('currency', code);
                }}
              />
            )}
          </Field>
          <Field id="import-decimal-mark" label={t('import.decimalMark')}>
            {(props) => (
              <select {...props} value={choices.decimalMark} disabled={busy} onChange={choose('decimalMark')}>
                <option value="auto">{t('import.decimalMark.auto')}</option>
                <option value=".">{t('import.decimalMark.dot')}</option>
                <option value=",">{t('import.decimalMark.comma')}</option>
              </select>
            )}
          </Field>
          <Field id="import-date-order" label={t('import.dateOrder')}>
            {(props) => (
              <select {...props} value={choices.dateOrder} disabled={busy} onChange={choose('dateOrder')}>
                <option value="auto">{t('import.dateOrder.auto')}</option>
                <option value="mdy">{t('import.dateOrder.mdy')}</option>
                <option value="dmy">{t('import.dateOrder.dmy')}</option>
                <option value="ymd">{t('import.dateOrder.ymd')}</option>
              </select>
            )}
          </Field>
        </>
      )}
    </>
  );
}

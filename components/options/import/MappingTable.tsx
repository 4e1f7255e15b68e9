import { useStore } from 'zustand';
import { FIELDS_BY_KIND, PRESETS, type AnyField } from '@/lib/import';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { FormatControl } from './FormatControl';
import type { ImporterStore } from './store';

/**
 * One row per field of the kind: the column it is read from (a select), that
 * column's first value, and for amount and date columns how they read (a
 * select too), so the rep sees and can change every format before importing.
 */
export function MappingTable({ store }: { store: ImporterStore }) {
  const { t } = useI18n();
  const preview = useStore(store, (state) => state.preview);
  const disabled = useStore(store, (state) => state.phase === 'importing');
  const { setColumn, setFormat } = store.getState();
  if (!preview) return null;
  const format = preview.preset ? PRESETS[preview.preset].name : t('import.preset.none');
  const formats = new Map(preview.formats.map((entry) => [entry.column, entry]));
  return (
    <>
      <p>{t('import.detected', { kind: t(`import.kind.${preview.kind}` as MessageKey), format })}</p>
      <table className="grid import-mapping">
        <caption>{t('import.mapping')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.field')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.example')}</th>
            <th scope="col">{t('import.format')}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS_BY_KIND[preview.kind].map((field: AnyField) => {
            const index = preview.columns[field];
            const id = `import-field-${field}`;
            const columnFormat = index === undefined ? undefined : formats.get(index);
            return (
              <tr key={field} className={index === undefined ? 'unmapped' : columnFormat?.problem ? 'open' : undefined}>
                <th scope="row">
                  <label htmlFor={id}>{t(`field.${field}` as MessageKey)}</label>
                </th>
                <td>
                  <select
                    id={id}
                    value={index === undefined ? '' : String(index)}
                    disabled={disabled}
                    onChange={(event) => setColumn(field, event.target.value === '' ? undefined : Number(event.target.value))}
                  >
                    <option value="">{t('import.notImported')}</option>
                    {preview.headers.map((header, i) => (
                      <option key={i} value={String(i)}>
                        {header}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="example">{index === undefined ? '' : (preview.examples[index] ?? '').slice(0, 80)}</td>
                <td>
                  {columnFormat && <FormatControl format={columnFormat} disabled={disabled} onChange={(reading) => setFormat(columnFormat.column, reading)} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note">{t('import.mappingHint')}</p>
    </>
  );
}

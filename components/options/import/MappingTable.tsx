import { FIELDS_BY_KIND } from '../../../lib/import/columns';
import { PRESETS } from '../../../lib/import/presets';
import type { AnyField } from '../../../lib/import/types';
import type { MessageKey } from '../../../lib/i18n/messages';
import { useI18n } from '../../common/i18n';
import type { Preview } from './engine-core';

/** One row per field of the kind: the column it is read from (a select), and that column's first value. */
export function MappingTable({ preview, disabled, onChange }: { preview: Preview; disabled: boolean; onChange: (field: AnyField, index: number | undefined) => void }) {
  const { t } = useI18n();
  const format = preview.preset ? PRESETS[preview.preset].name : t('import.preset.none');
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
          </tr>
        </thead>
        <tbody>
          {FIELDS_BY_KIND[preview.kind].map((field) => {
            const index = preview.columns[field];
            const id = `import-field-${field}`;
            return (
              <tr key={field} className={index === undefined ? 'unmapped' : undefined}>
                <th scope="row">
                  <label htmlFor={id}>{t(`field.${field}` as MessageKey)}</label>
                </th>
                <td>
                  <select id={id} value={index === undefined ? '' : String(index)} disabled={disabled} onChange={(event) => onChange(field, event.target.value === '' ? undefined : Number(event.target.value))}>
                    <option value="">{t('import.notImported')}</option>
                    {preview.headers.map((header, i) => (
                      <option key={i} value={String(i)}>
                        {header}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="example">{index === undefined ? '' : (preview.examples[index] ?? '').slice(0, 80)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="note">{t('import.mappingHint')}</p>
    </>
  );
}

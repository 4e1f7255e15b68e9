import { DATE_READINGS, NUMBER_READINGS, type ColumnFormat, type ColumnReading } from '@/lib/import';
import type { MessageKey, Translate } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';

const readingName = (t: Translate, reading: ColumnReading) => t(`import.reading.${reading}` as MessageKey);

/**
 * How one amount or date column reads: what the file's values (or the
 * choices above, another column, the export's locale) decided, and a select
 * to read it another way. A column the file leaves open, or that mixes two
 * ways, says so and asks.
 */
export function FormatControl({
  format,
  disabled,
  onChange,
}: {
  format: ColumnFormat;
  disabled: boolean;
  onChange: (reading: ColumnReading | undefined) => void;
}) {
  const { t } = useI18n();
  const readings = format.kind === 'number' ? NUMBER_READINGS : DATE_READINGS;
  const chosen = format.basis === 'choice' && format.reading !== undefined;
  const automatic = format.problem
    ? t('import.format.choose')
    : chosen
      ? t(format.kind === 'number' ? 'import.decimalMark.auto' : 'import.dateOrder.auto')
      : format.reading === undefined
        ? t('import.format.none', { reading: t(format.kind === 'number' ? 'import.reading.plain' : 'import.reading.iso') })
        : t('import.format.auto', { reading: readingName(t, format.reading), basis: basisText(t, format) });
  const id = `import-format-${format.column}`;
  const problemId = `${id}-problem`;
  return (
    <>
      <select
        id={id}
        aria-label={t('import.formatLabel', { column: format.header })}
        aria-invalid={format.problem !== undefined}
        aria-describedby={format.problem ? problemId : undefined}
        value={chosen ? format.reading : ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value === '' ? undefined : (event.target.value as ColumnReading))}
      >
        <option value="">{automatic}</option>
        {readings.map((reading) => (
          <option key={reading} value={reading}>
            {readingName(t, reading)}
          </option>
        ))}
      </select>
      {format.problem && (
        <p id={problemId} className="field-error">
          {format.problem === 'mixed'
            ? t('import.format.mixed', { examples: format.examples.map((example) => `“${example}”`).join(', ') })
            : t('import.format.ambiguous', {
                example: format.examples[0] ?? '',
                readings: format.candidates.map((reading) => readingName(t, reading)).join(' / '),
              })}
        </p>
      )}
    </>
  );
}

function basisText(t: Translate, format: ColumnFormat): string {
  switch (format.basis) {
    case 'file':
      return t('import.basis.file', { from: format.from ?? '' });
    case 'locale':
      return t('import.basis.locale', { from: format.from ?? '' });
    case 'choice':
    case 'option':
    case 'unneeded':
      return t(`import.basis.${format.basis}`);
    default:
      return t('import.basis.values');
  }
}

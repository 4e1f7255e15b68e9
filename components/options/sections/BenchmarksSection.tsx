import { useState, type FormEvent } from 'react';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from '@/lib/kpi';
import type { Benchmarks, KpiTarget, Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { SaveBar, Section, useSave, type Errors } from '../form';
import { parseNumber } from '../parse';

type Row = { kpi: KpiId; comparison: KpiTarget['comparison']; value: string };

/**
 * Benchmarks the sidebar judges KPIs against, each switchable: the 30/30/50
 * cold-email rule, LTV:CAC ≥ 3, and the rep's own targets on any KPI. A
 * switched-off benchmark shows no status at all.
 */
export function BenchmarksSection({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const save = useSave();
  const stamp = JSON.stringify([settings.benchmarks, settings.kpiTargets]);
  return (
    <Section id="benchmarks" title={t('options.bench.title')} intro={t('options.bench.intro')}>
      <BenchmarksForm key={stamp} settings={settings} save={save} />
    </Section>
  );
}

function BenchmarksForm({ settings, save }: { settings: Settings; save: ReturnType<typeof useSave> }) {
  const { t, locale } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = save;
  const [switches, setSwitches] = useState<Benchmarks>(settings.benchmarks);
  const [rows, setRows] = useState<Row[]>(settings.kpiTargets.map((target) => ({ ...target, value: String(target.value) })));
  const name = (id: KpiId) => KPI_DEFINITIONS[id].name[locale];
  const unused = KPI_IDS.filter((id) => !rows.some((row) => row.kpi === id));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const found: Errors = {};
      const kpiTargets: KpiTarget[] = [];
      rows.forEach((row, index) => {
        const value = parseNumber(row.value);
        if (value === undefined) found[`kpiTargets.${index}.value`] = 'not a number';
        else kpiTargets.push({ kpi: row.kpi, comparison: row.comparison, value });
      });
      if (Object.keys(found).length) return found;
      const result = await api.saveSettings({ benchmarks: switches, kpiTargets });
      return result.ok ? undefined : result.errors;
    });
  };
  const update = (index: number, patch: Partial<Row>) => setRows(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <form onSubmit={submit} noValidate>
      {(['coldEmail', 'ltvToCac', 'userDefined'] as const).map((key) => (
        <label key={key} className="check">
          <input type="checkbox" checked={switches[key]} onChange={(event) => setSwitches({ ...switches, [key]: event.target.checked })} />
          {t(`options.bench.${key}`)}
        </label>
      ))}
      <table className="grid">
        <caption>{t('options.bench.targets')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.bench.kpi')}</th>
            <th scope="col">{t('options.bench.comparison')}</th>
            <th scope="col">{t('options.bench.value')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('options.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => {
            const error = errors[`kpiTargets.${index}.value`] ?? (index === rows.length - 1 ? errors.kpiTargets : undefined);
            return (
              <tr key={row.kpi}>
                <th scope="row">{name(row.kpi)}</th>
                <td>
                  <select
                    aria-label={t('options.bench.comparisonOf', { kpi: name(row.kpi) })}
                    value={row.comparison}
                    onChange={(event) => update(index, { comparison: event.target.value as Row['comparison'] })}
                  >
                    <option value="at-least">{t('options.bench.atLeast')}</option>
                    <option value="at-most">{t('options.bench.atMost')}</option>
                  </select>
                </td>
                <td>
                  <input
                    aria-label={t('options.bench.valueOf', { kpi: name(row.kpi), unit: unitHint(t, row.kpi, settings.reportingCurrency) })}
                    inputMode="decimal"
                    size={8}
                    value={row.value}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `kpi-target-${row.kpi}-error` : undefined}
                    onChange={(event) => update(index, { value: event.target.value })}
                  />{' '}
                  <span className="note">{unitHint(t, row.kpi, settings.reportingCurrency)}</span>
                  {error && (
                    <span id={`kpi-target-${row.kpi}-error`} className="field-error">
                      {error}
                    </span>
                  )}
                </td>
                <td>
                  <button type="button" onClick={() => setRows(rows.filter((_, i) => i !== index))}>
                    {t('options.remove')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unused.length > 0 && (
        <div className="inline">
          <label htmlFor="add-kpi-target">{t('options.bench.add')}</label>
          <select
            id="add-kpi-target"
            value=""
            onChange={(event) => event.target.value && setRows([...rows, { kpi: event.target.value as KpiId, comparison: 'at-least', value: '' }])}
          >
            <option value="">{t('options.bench.pick')}</option>
            {unused.map((id) => (
              <option key={id} value={id}>
                {name(id)}
              </option>
            ))}
          </select>
        </div>
      )}
      <SaveBar state={state} />
    </form>
  );
}

/** The unit a target is typed in: the KPI's own, money in the reporting currency. */
function unitHint(t: ReturnType<typeof useI18n>['t'], id: KpiId, currency: string): string {
  const unit = KPI_DEFINITIONS[id].unit;
  if (unit === 'money') return currency;
  if (unit === 'money-per-day') return t('options.unit.perDay', { currency });
  return t(`options.unit.${unit}`);
}

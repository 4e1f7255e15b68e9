import { useMemo, useState, type FormEvent } from 'react';
import type { OptionsOverview, Settings } from '@/lib/settings';
import { intlTag } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, Section, useSave, type Errors } from '../form';
import { parseNumber } from '../parse';

const ZONES: readonly string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * Money and time: the reporting currency and a rate for every other currency
 * in the data (with the records each missing rate leaves out), the fiscal year
 * start, the first day of the week and the time zone periods are cut in.
 */
export function MoneyTimeSection({ settings, overview }: { settings: Settings; overview: OptionsOverview | undefined }) {
  const { t } = useI18n();
  const save = useSave();
  // The form starts again from the stored values whenever they change (saved here or elsewhere); the outcome stays.
  const stamp = JSON.stringify([settings.reportingCurrency, settings.rates, settings.fiscalYearStartMonth, settings.weekStartsOn, settings.timeZone]);
  return (
    <Section id="money" title={t('options.money.title')} intro={t('options.money.intro')}>
      <MoneyTimeForm key={stamp} settings={settings} overview={overview} save={save} />
    </Section>
  );
}

function MoneyTimeForm({ settings, overview, save }: { settings: Settings; overview: OptionsOverview | undefined; save: ReturnType<typeof useSave> }) {
  const { t, locale } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = save;
  const [currency, setCurrency] = useState(settings.reportingCurrency);
  const [rates, setRates] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(settings.rates).map(([code, rate]) => [code, String(rate)])),
  );
  const [added, setAdded] = useState('');
  const [fiscal, setFiscal] = useState(settings.fiscalYearStartMonth);
  const [weekStart, setWeekStart] = useState(settings.weekStartsOn);
  const [zone, setZone] = useState(settings.timeZone);

  const inData = new Map((overview?.currencies ?? []).map((entry) => [entry.code, entry]));
  const codes = [...new Set([...inData.keys(), ...Object.keys(rates)])].filter((code) => code !== currency).sort();
  const months = useMemo(() => monthNames(locale), [locale]);
  const weekdays = useMemo(() => weekdayNames(locale), [locale]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const found: Errors = {};
      const parsed: Record<string, number> = {};
      for (const [code, text] of Object.entries(rates)) {
        if (code === currency || text.trim() === '') continue;
        const value = parseNumber(text);
        if (value === undefined) found[`rates.${code}`] = 'not a number';
        else parsed[code] = value;
      }
      if (Object.keys(found).length) return found;
      const result = await api.saveSettings({
        reportingCurrency: currency.trim().toUpperCase(),
        rates: parsed,
        fiscalYearStartMonth: fiscal,
        weekStartsOn: weekStart,
        timeZone: zone.trim() || 'auto',
      });
      return result.ok ? undefined : result.errors;
    });
  };

  const addCurrency = () => {
    const code = added.trim().toUpperCase();
    if (/^[A-Z]{3}$/.test(code) && !(code in rates)) setRates({ ...rates, [code]: '' });
    setAdded('');
  };

  return (
    <form onSubmit={submit} noValidate>
      <Field id="reportingCurrency" label={t('options.money.currency')} error={errors.reportingCurrency}>
        {(props) => <input {...props} value={currency} maxLength={3} size={5} onChange={(event) => setCurrency(event.target.value.toUpperCase())} />}
      </Field>
      <table className="grid">
        <caption>{t('options.money.rates', { currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('options.money.code')}</th>
            <th scope="col">{t('options.money.rate')}</th>
            <th scope="col">{t('options.money.records')}</th>
          </tr>
        </thead>
        <tbody>
          {codes.map((code) => {
            const entry = inData.get(code);
            const error = errors[`rates.${code}`];
            return (
              <tr key={code}>
                <th scope="row">{code}</th>
                <td>
                  <input
                    aria-label={t('options.money.rateOf', { code, currency })}
                    inputMode="decimal"
                    value={rates[code] ?? ''}
                    aria-invalid={Boolean(error)}
                    aria-describedby={error ? `rate-${code}-error` : undefined}
                    onChange={(event) => setRates({ ...rates, [code]: event.target.value })}
                  />
                  {error && (
                    <span id={`rate-${code}-error`} className="field-error">
                      {error}
                    </span>
                  )}
                </td>
                <td>
                  {entry ? t('options.money.used', { count: entry.records }) : '—'}
                  {entry && entry.leftOut > 0 && <span className="warn"> · {t('options.money.leftOut', { count: entry.leftOut })}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="inline">
        <label htmlFor="add-currency">{t('options.money.addCurrency')}</label>
        <input id="add-currency" value={added} maxLength={3} size={5} onChange={(event) => setAdded(event.target.value)} />
        <button type="button" onClick={addCurrency}>
          {t('options.add')}
        </button>
      </div>
      <Field id="fiscalYearStartMonth" label={t('options.money.fiscal')}>
        {(props) => (
          <select {...props} value={fiscal} onChange={(event) => setFiscal(Number(event.target.value))}>
            {months.map((name, index) => (
              <option key={name} value={index + 1}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="weekStartsOn" label={t('options.money.weekStart')}>
        {(props) => (
          <select {...props} value={weekStart} onChange={(event) => setWeekStart(Number(event.target.value))}>
            {weekdays.map((name, index) => (
              <option key={name} value={index}>
                {name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="timeZone"
        label={t('options.money.timeZone')}
        error={errors.timeZone}
        hint={t('options.money.timeZoneHint', { zone: Intl.DateTimeFormat().resolvedOptions().timeZone })}
      >
        {(props) => <input {...props} list="time-zones" value={zone} onChange={(event) => setZone(event.target.value)} />}
      </Field>
      <datalist id="time-zones">
        <option value="auto" />
        {ZONES.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <SaveBar state={state} />
    </form>
  );
}

/** January… in the rep's language (index 0 = January). */
function monthNames(locale: 'en' | 'ru'): string[] {
  const format = new Intl.DateTimeFormat(intlTag(locale), { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) => format.format(Date.UTC(2021, month, 1)));
}

/** Sunday… (index 0 = Sunday, as settings.weekStartsOn counts). */
function weekdayNames(locale: 'en' | 'ru'): string[] {
  const format = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, day) => format.format(Date.UTC(2021, 0, 3 + day))); // 2021-01-03 was a Sunday
}

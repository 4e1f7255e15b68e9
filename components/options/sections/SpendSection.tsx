import { useState, type FormEvent } from 'react';
import { CONTACT_METHODS } from '@/lib/model';
import { spendFromForm, type SpendForm as SpendValues, type OptionsOverview } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, useSave } from '../form';

/** The latest months are listed first; older ones on request. */
const SPEND_SHOWN = 12;

/** Sales and marketing spend of a month (optionally per channel): what CAC divides. CRMs do not hold it. */
export function SpendSection({ source, overview, currency }: { source: string; overview: OptionsOverview; currency: string }) {
  const { t, money } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = useSave();
  const [all, setAll] = useState(false);
  const shown = all ? overview.spend : overview.spend.slice(0, SPEND_SHOWN);
  const [form, setForm] = useState<SpendValues>({
    month: new Date(api.now()).toISOString().slice(0, 7),
    kind: 'marketing',
    channel: '',
    amount: '',
    currency,
    note: '',
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const built = spendFromForm(form, { source, now: api.now() });
      if (!built.ok) return built.errors;
      const saved = await api.saveRecord(source, 'spend', built.record);
      return saved.ok ? undefined : saved.errors;
    });
  };

  return (
    <div>
      <h3>{t('options.spend.title')}</h3>
      <p className="note">{t('options.spend.intro')}</p>
      {overview.spend.length > 0 && (
        <table className="grid">
          <caption>{t('options.spend.list')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('options.spend.month')}</th>
              <th scope="col">{t('options.spend.kind')}</th>
              <th scope="col">{t('options.spend.channel')}</th>
              <th scope="col">{t('options.quota.amount')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('options.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((spend) => (
              <tr key={spend.externalId}>
                <th scope="row">{spend.month}</th>
                <td>{t(`options.spend.kind.${spend.kind}`)}</td>
                <td>{spend.channel ? t(`options.method.${spend.channel}`) : t('options.spend.allChannels')}</td>
                <td>
                  {money(spend.amount.minor, spend.amount.currency)}
                  {spend.note && <span className="note"> · {spend.note}</span>}
                </td>
                <td>
                  {spend.manual && (
                    <button
                      type="button"
                      aria-label={t('options.deleteOf', { what: `${spend.month} ${spend.kind}` })}
                      onClick={() => void api.deleteRecord(source, 'spend', spend.externalId)}
                    >
                      {t('options.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < overview.spend.length && (
        <button type="button" onClick={() => setAll(true)}>
          {t('options.spend.showAll', { count: overview.spend.length })}
        </button>
      )}
      <form className="record-form" onSubmit={submit} noValidate aria-label={t('options.spend.form')}>
        <Field id="spend-month" label={t('options.spend.month')} error={errors.month}>
          {(props) => <input {...props} type="month" value={form.month} onChange={(event) => setForm({ ...form, month: event.target.value })} />}
        </Field>
        <Field id="spend-kind" label={t('options.spend.kind')}>
          {(props) => (
            <select {...props} value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as SpendValues['kind'] })}>
              <option value="marketing">{t('options.spend.kind.marketing')}</option>
              <option value="sales">{t('options.spend.kind.sales')}</option>
            </select>
          )}
        </Field>
        <Field id="spend-channel" label={t('options.spend.channel')}>
          {(props) => (
            <select {...props} value={form.channel} onChange={(event) => setForm({ ...form, channel: event.target.value as SpendValues['channel'] })}>
              <option value="">{t('options.spend.allChannels')}</option>
              {CONTACT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {t(`options.method.${method}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="spend-amount" label={t('options.quota.amount')} error={errors.amount}>
          {(props) => <input {...props} inputMode="decimal" value={form.amount} onChange={(event) => setForm({ ...form, amount: event.target.value })} />}
        </Field>
        <Field id="spend-currency" label={t('options.money.code')} error={errors.currency}>
          {(props) => (
            <input
              {...props}
              size={5}
              maxLength={3}
              value={form.currency}
              onChange={(event) => setForm({ ...form, currency: event.target.value.toUpperCase() })}
            />
          )}
        </Field>
        <Field id="spend-note" label={t('options.spend.note')} error={errors.note}>
          {(props) => <input {...props} maxLength={500} value={form.note} onChange={(event) => setForm({ ...form, note: event.target.value })} />}
        </Field>
        <SaveBar state={state} label={t('options.spend.save')} />
      </form>
    </div>
  );
}

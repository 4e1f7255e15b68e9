import { useState, type FormEvent } from 'react';
import { productCostFromForm, type ProductCostForm, manualProductId, type OptionsOverview, type Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, useSave } from '../form';
import { parseNumber } from '../parse';

/**
 * Direct costs for profit margin: a unit cost per product (a `manual:product:`
 * record that wins over the CRM's product cost; a deal line's own cost from
 * the CRM still comes first), and the margin assumed where no cost is known.
 */
export function CostsSection({ source, overview, settings }: { source: string; overview: OptionsOverview; settings: Settings }) {
  const { t, money } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = useSave();
  const [form, setForm] = useState<ProductCostForm>({
    productId: overview.products[0]?.id ?? '',
    name: '',
    unitCost: '',
    currency: settings.reportingCurrency,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const name = overview.products.find((product) => product.id === form.productId)?.name ?? form.productId;
      const built = productCostFromForm({ ...form, name }, { source, now: api.now() });
      if (!built.ok) return built.errors;
      const saved = await api.saveRecord(source, 'product', built.record);
      return saved.ok ? undefined : saved.errors;
    });
  };

  return (
    <div>
      <h3>{t('options.costs.title')}</h3>
      <p className="note">{t('options.costs.intro')}</p>
      {overview.products.length === 0 ? (
        <p className="note">{t('options.costs.none')}</p>
      ) : (
        <>
          <table className="grid">
            <caption>{t('options.costs.list')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.costs.product')}</th>
                <th scope="col">{t('options.origin.crm')}</th>
                <th scope="col">{t('options.origin.manual')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('options.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.products.map((product) => (
                <tr key={product.id}>
                  <th scope="row">{product.name}</th>
                  <td>{product.crmCost ? money(product.crmCost.minor, product.crmCost.currency) : '—'}</td>
                  <td>{product.manualCost ? money(product.manualCost.minor, product.manualCost.currency) : '—'}</td>
                  <td>
                    {product.manualCost && (
                      <button
                        type="button"
                        aria-label={t('options.deleteOf', { what: product.name })}
                        onClick={() => void api.deleteRecord(source, 'product', manualProductId(product.id))}
                      >
                        {t('options.delete')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form className="record-form" onSubmit={submit} noValidate aria-label={t('options.costs.form')}>
            <Field id="cost-product" label={t('options.costs.product')} error={errors.productId}>
              {(props) => (
                <select {...props} value={form.productId} onChange={(event) => setForm({ ...form, productId: event.target.value })}>
                  {overview.products.map((product) => (
                    <option key={product.id} value={product.id}>
                      {product.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="cost-unit" label={t('options.costs.unitCost')} error={errors.unitCost}>
              {(props) => (
                <input {...props} inputMode="decimal" value={form.unitCost} onChange={(event) => setForm({ ...form, unitCost: event.target.value })} />
              )}
            </Field>
            <Field id="cost-currency" label={t('options.money.code')} error={errors.currency}>
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
            <SaveBar state={state} label={t('options.costs.save')} />
          </form>
        </>
      )}
    </div>
  );
}

/** The margin assumed for won deals without known costs (a setting: it applies to every source). */
export function MarginForm({ settings }: { settings: Settings }) {
  const { t } = useI18n();
  const save = useSave();
  return <MarginFields key={String(settings.defaultMarginPct)} settings={settings} save={save} label={t('options.costs.margin')} />;
}

function MarginFields({ settings, save, label }: { settings: Settings; save: ReturnType<typeof useSave>; label: string }) {
  const { t } = useI18n();
  const api = useOptionsApi();
  const [margin, setMargin] = useState(settings.defaultMarginPct === undefined ? '' : String(settings.defaultMarginPct));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      const value = margin.trim() === '' ? undefined : parseNumber(margin);
      if (margin.trim() !== '' && value === undefined) return { defaultMarginPct: 'not a number' };
      const result = await api.saveSettings({ defaultMarginPct: value });
      return result.ok ? undefined : result.errors;
    });
  };
  return (
    <form className="record-form" onSubmit={submit} noValidate>
      <Field id="defaultMarginPct" label={label} hint={t('options.costs.marginHint')} error={save.errors.defaultMarginPct}>
        {(props) => <input {...props} inputMode="decimal" size={6} value={margin} onChange={(event) => setMargin(event.target.value)} />}
      </Field>
      <SaveBar state={save.state} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { instantToLocalDate } from '@/lib/period';
import {
  quotaFromForm,
  type QuotaForm as QuotaFormValues,
  type OptionsOverview,
  currentQuotaPeriodKey,
  QUOTA_PERIOD_CHOICES,
  quotaPeriodKeys,
  type QuotaPeriodChoice,
  effectiveTimeZone,
  type Settings,
} from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, useSave } from '../form';
import { periodLabel } from './period-label';

export type QuotaDraft = Partial<QuotaFormValues>;

/**
 * A quota the rep sets for a rep or a team and a period. Saved as a `manual:`
 * quota record of the source: it wins over the CRM's quota for the same
 * assignee and dates, and entering the same assignee and period again edits it.
 */
type Props = { source: string; settings: Settings; overview: OptionsOverview; initial?: QuotaDraft; onSaved?: (assignee: string) => void };

export function QuotaForm({ source, settings, overview, initial, onSaved }: Props) {
  const { t, locale } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = useSave();
  const today = instantToLocalDate(api.now(), effectiveTimeZone(settings, Intl.DateTimeFormat().resolvedOptions().timeZone));
  const fiscal = settings.fiscalYearStartMonth;
  const defaultAssignee = overview.currentOwnerId ? `rep:${overview.currentOwnerId}` : overview.owners[0] ? `rep:${overview.owners[0].id}` : '';
  const [form, setForm] = useState<QuotaFormValues>(() => {
    const kind = initial?.periodKind ?? 'month';
    return {
      assignee: initial?.assignee ?? defaultAssignee,
      periodKind: kind,
      periodKey: initial?.periodKey ?? currentQuotaPeriodKey(kind, today, fiscal),
      amount: initial?.amount ?? '',
      currency: initial?.currency ?? settings.reportingCurrency,
    };
  });
  const keys = quotaPeriodKeys(form.periodKind, today, fiscal);
  if (!keys.includes(form.periodKey)) keys.unshift(form.periodKey);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const built = quotaFromForm(form, { source, now: api.now(), fiscalYearStartMonth: fiscal });
      if (!built.ok) return built.errors;
      const saved = await api.saveRecord(source, 'quota', built.record);
      if (!saved.ok) return saved.errors;
      onSaved?.(form.assignee);
      return undefined;
    });
  };

  return (
    <form className="record-form" onSubmit={submit} noValidate aria-labelledby="quota-form-title">
      <h3 id="quota-form-title">{t('options.quota.form')}</h3>
      <Field id="quota-assignee" label={t('options.quota.assignee')} error={errors.assignee}>
        {(props) => (
          <select {...props} value={form.assignee} onChange={(event) => setForm({ ...form, assignee: event.target.value })}>
            <option value="">{t('options.bench.pick')}</option>
            <optgroup label={t('options.quota.reps')}>
              {overview.owners.map((owner) => (
                <option key={owner.id} value={`rep:${owner.id}`}>
                  {owner.name}
                </option>
              ))}
            </optgroup>
            {overview.teams.length > 0 && (
              <optgroup label={t('options.quota.teams')}>
                {overview.teams.map((team) => (
                  <option key={team.id} value={`team:${team.id}`}>
                    {team.name}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        )}
      </Field>
      <Field id="quota-kind" label={t('options.quota.kind')}>
        {(props) => (
          <select
            {...props}
            value={form.periodKind}
            onChange={(event) => {
              const kind = event.target.value as QuotaPeriodChoice;
              setForm({ ...form, periodKind: kind, periodKey: currentQuotaPeriodKey(kind, today, fiscal) });
            }}
          >
            {QUOTA_PERIOD_CHOICES.map((kind) => (
              <option key={kind} value={kind}>
                {t(`options.quota.kind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="quota-period" label={t('options.quota.period')} error={errors.periodKey}>
        {(props) => (
          <select {...props} value={form.periodKey} onChange={(event) => setForm({ ...form, periodKey: event.target.value })}>
            {keys.map((key) => (
              <option key={key} value={key}>
                {periodLabel(form.periodKind, key, fiscal, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="quota-amount" label={t('options.quota.amount')} error={errors.amount}>
        {(props) => <input {...props} inputMode="decimal" value={form.amount} onChange={(event) => setForm({ ...form, amount: event.target.value })} />}
      </Field>
      <Field id="quota-currency" label={t('options.money.code')} error={errors.currency}>
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
      <SaveBar state={state} label={t('options.quota.save')} />
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { manualTargetId, TARGET_PER, targetFromForm, type OptionsOverview } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { useOptionsApi } from '../api';
import { Field, SaveBar, useSave, type Errors } from '../form';

const METRICS = ['calls', 'emails', 'meetings', 'demos'] as const;
type Metric = (typeof METRICS)[number];

/**
 * Activity targets: calls, emails and meetings per working day and demos per
 * week, for one rep or for everyone (each rep without their own). All four are
 * checked before any is written; an emptied field removes the rep's target.
 */
export function ActivityTargetsForm({ source, overview }: { source: string; overview: OptionsOverview }) {
  const { t } = useI18n();
  const [ownerId, setOwnerId] = useState(overview.currentOwnerId ?? '');
  // Kept above the values, which start again from the stored targets after every change.
  const save = useSave();
  return (
    <div className="record-form">
      <h3 id="targets-form-title">{t('options.targets.form')}</h3>
      <Field id="targets-owner" label={t('options.targets.whose')}>
        {(props) => (
          <select {...props} value={ownerId} onChange={(event) => setOwnerId(event.target.value)}>
            <option value="">{t('options.targets.everyone')}</option>
            {overview.owners.map((owner) => (
              <option key={owner.id} value={owner.id}>
                {owner.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TargetValues key={`${ownerId}|${JSON.stringify(overview.targets)}`} source={source} overview={overview} ownerId={ownerId} save={save} />
    </div>
  );
}

function TargetValues({ source, overview, ownerId, save }: { source: string; overview: OptionsOverview; ownerId: string; save: ReturnType<typeof useSave> }) {
  const { t, number } = useI18n();
  const api = useOptionsApi();
  const { errors, state, run } = save;
  const mine = (metric: Metric) => overview.targets.find((target) => target.externalId === manualTargetId({ ownerId: ownerId || undefined, metric }));
  const fromCrm = (metric: Metric) => overview.targets.find((target) => !target.manual && target.metric === metric && (target.ownerId ?? '') === ownerId);
  const [values, setValues] = useState<Record<Metric, string>>(
    () => Object.fromEntries(METRICS.map((metric) => [metric, mine(metric) ? String(mine(metric)!.value) : ''])) as Record<Metric, string>,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const found: Errors = {};
      const writes = [];
      for (const metric of METRICS) {
        if (values[metric].trim() === '') continue;
        const built = targetFromForm({ ownerId, metric, value: values[metric] }, { source, now: api.now() });
        if (built.ok) writes.push(built.record);
        else found[`target.${metric}`] = built.errors.value ?? Object.values(built.errors)[0] ?? 'invalid';
      }
      if (Object.keys(found).length) return found;
      for (const record of writes) {
        const saved = await api.saveRecord(source, 'target', record);
        if (!saved.ok) return saved.errors;
      }
      for (const metric of METRICS) {
        const existing = mine(metric);
        if (values[metric].trim() === '' && existing) await api.deleteRecord(source, 'target', existing.externalId);
      }
      return undefined;
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="targets-form-title">
      {METRICS.map((metric) => {
        const crm = fromCrm(metric);
        return (
          <Field
            key={metric}
            id={`target-${metric}`}
            label={t(`options.targets.${metric}`)}
            error={errors[`target.${metric}`]}
            hint={crm ? t('options.targets.fromCrm', { value: number(crm.value, 1), per: t(`options.targets.per.${crm.per}`) }) : undefined}
          >
            {(props) => (
              <input
                {...props}
                inputMode="decimal"
                size={6}
                value={values[metric]}
                placeholder={t(`options.targets.per.${TARGET_PER[metric]}`)}
                onChange={(event) => setValues({ ...values, [metric]: event.target.value })}
              />
            )}
          </Field>
        );
      })}
      <SaveBar state={state} label={t('options.targets.save')} />
    </form>
  );
}

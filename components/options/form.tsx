import { useCallback, useState, type ReactNode } from 'react';
import type { MessageKey, Translate } from '@/lib/i18n';
import { useI18n } from '../common/i18n';

export type Errors = Record<string, string>;

/** The attributes that tie an input to its label and to the error shown beside it. */
export type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/**
 * A labelled field with its error right beside it (and announced with it: the
 * input points at the error through aria-describedby).
 */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (props: FieldProps) => ReactNode;
}) {
  const described = [error ? `${id}-error` : undefined, hint ? `${id}-hint` : undefined].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': described || undefined })}
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** The error text a field shows: what is expected there, in the rep's language. */
export function errorText(t: Translate, field: string, detail: string): string {
  const key = ERROR_KEYS.find(([pattern]) => pattern.test(field))?.[1];
  if (key) return t(key);
  if (/^expected a month/.test(detail)) return t('options.error.month');
  return t('options.error.generic', { detail });
}

const ERROR_KEYS: readonly [RegExp, MessageKey][] = [
  [/^staleDays$/, 'options.error.staleDays'],
  [/^minSample\./, 'options.error.minSample'],
  [/^defaultMarginPct$/, 'options.error.margin'],
  [/^(reportingCurrency|currency)$/, 'options.error.currency'],
  [/^rates\./, 'options.error.rate'],
  [/^timeZone$/, 'options.error.timeZone'],
  [/^(amount|unitCost)$/, 'options.error.amount'],
  [/^(value|kpiTargets\.\d+\.value|target\.\w+)$/, 'options.error.number'],
  [/^(demoKeywords|demoActivityTypes)(\.\d+)?$/, 'options.error.keyword'],
  [/^kpiTargets$/, 'options.error.oneTargetPerKpi'],
  [/^month$/, 'options.error.month'],
  [/^periodKey$/, 'options.error.period'],
  [/^assignee$/, 'options.error.assignee'],
  [/^productId$/, 'options.error.product'],
];

export type SaveState = { phase: 'idle' | 'saving' | 'saved' | 'invalid' | 'failed'; message?: string };

/**
 * A form's errors and its save outcome. `run` does nothing half-way by design
 * of its callers: they validate everything first and write only when all of
 * it is valid; the outcome is announced in a status region.
 */
export function useSave() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const run = useCallback(
    async (save: () => Promise<Errors | undefined>) => {
      setState({ phase: 'saving' });
      try {
        const found = await save();
        if (found && Object.keys(found).length) {
          const localised: Errors = {};
          for (const [field, detail] of Object.entries(found)) localised[field] = errorText(t, field, detail);
          setErrors(localised);
          // Problems that belong to no field (the writer refused the record) are said once, beside the button.
          setState({ phase: 'invalid', message: found.record ?? found.externalId });
          return false;
        }
        setErrors({});
        setState({ phase: 'saved' });
        return true;
      } catch (failure) {
        setState({ phase: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
        return false;
      }
    },
    [t],
  );
  return { errors, setErrors, state, run };
}

/** The save button with the outcome beside it. */
export function SaveBar({ state, label }: { state: SaveState; label?: string }) {
  const { t } = useI18n();
  return (
    <div className="save-bar">
      <button type="submit" className="primary" disabled={state.phase === 'saving'}>
        {label ?? t('options.save')}
      </button>
      <span role="status" className={`save-state save-${state.phase}`}>
        {state.phase === 'saved' && t('options.saved')}
        {state.phase === 'invalid' && (state.message ? `${t('options.notSaved')} ${state.message}` : t('options.notSaved'))}
        {state.phase === 'failed' && t('options.failed', { reason: state.message ?? '' })}
      </span>
    </div>
  );
}

/** A section of the page with its heading (the page's navigation links to its id). */
export function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="options-section">
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p className="note">{intro}</p>}
      {children}
    </section>
  );
}

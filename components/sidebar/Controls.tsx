import { useState } from 'react';
import type { SidebarUiState } from '@/lib/settings';
import { COMPARE_CHOICES, type CompareChoice, type SidebarPrefs } from '@/lib/views';
import { useI18n } from '../common/i18n';

const PERIODS: readonly SidebarUiState['period'][] = ['today', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'custom'];
const COMPARE_KEYS = { previous: 'compare.previous', 'last-year': 'compare.lastYear', none: 'compare.none' } as const;

export type ControlsProps = {
  ui: SidebarUiState;
  onChange: (patch: Partial<SidebarUiState>) => void;
  prefs: SidebarPrefs;
  onPrefs: (patch: Partial<SidebarPrefs>) => void;
  teamAvailable: boolean;
};

/** The custom range: two dates, applied when both are set and in order. */
function CustomRange({ prefs, onPrefs }: Pick<ControlsProps, 'prefs' | 'onPrefs'>) {
  const { t } = useI18n();
  const [from, setFrom] = useState(prefs.range?.from ?? '');
  const [to, setTo] = useState(prefs.range?.to ?? '');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const backwards = from !== '' && to !== '' && from > to;
  return (
    <form
      className="range"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid) onPrefs({ range: { from, to } });
      }}
    >
      <label>
        {t('range.from')}
        <input type="date" value={from} max={to || undefined} onChange={(event) => setFrom(event.target.value)} required />
      </label>
      <label>
        {t('range.to')}
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(event) => setTo(event.target.value)}
          required
          aria-invalid={backwards}
          aria-describedby={backwards ? 'range-error' : undefined}
        />
      </label>
      <button type="submit" className="secondary" disabled={!valid}>
        {t('range.apply')}
      </button>
      {backwards && (
        <p id="range-error" className="problem" role="alert">
          {t('range.backwards')}
        </p>
      )}
    </form>
  );
}

/** The view switch ("Personal" / "Team"), the period picker ("Period") and the comparison, with stable accessible names. */
export function Controls({ ui, onChange, prefs, onPrefs, teamAvailable }: ControlsProps) {
  const { t } = useI18n();
  return (
    <div className="controls">
      <div role="radiogroup" aria-label={t('view.label')} className="segmented">
        {(['personal', 'team'] as const).map((view) => (
          <button
            key={view}
            type="button"
            role="radio"
            aria-checked={ui.view === view}
            disabled={view === 'team' && !teamAvailable}
            onClick={() => onChange({ view })}
            onKeyDown={(event) => {
              // Arrow keys move between the two radios, as in a native radio group.
              if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
                const next = ui.view === 'personal' ? 'team' : 'personal';
                if (next === 'personal' || teamAvailable) onChange({ view: next });
              }
            }}
            tabIndex={ui.view === view ? 0 : -1}
          >
            {t(`view.${view}`)}
          </button>
        ))}
      </div>
      <label className="period">
        <span className="visually-hidden">{t('period.label')}</span>
        <select aria-label={t('period.label')} value={ui.period} onChange={(event) => onChange({ period: event.target.value as SidebarUiState['period'] })}>
          {PERIODS.map((period) => (
            <option key={period} value={period}>
              {t(`period.${period}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="period">
        <span className="visually-hidden">{t('compare.label')}</span>
        <select aria-label={t('compare.label')} value={prefs.compare} onChange={(event) => onPrefs({ compare: event.target.value as CompareChoice })}>
          {COMPARE_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(COMPARE_KEYS[choice])}
            </option>
          ))}
        </select>
      </label>
      {ui.period === 'custom' && <CustomRange prefs={prefs} onPrefs={onPrefs} />}
    </div>
  );
}

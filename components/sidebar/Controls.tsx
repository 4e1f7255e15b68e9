import type { SidebarUiState } from '../../lib/settings/ui-state';
import { useI18n } from '../common/i18n';

const PERIODS: readonly SidebarUiState['period'][] = ['today', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year'];

/** The view switch ("Personal" / "Team") and the period picker, with stable accessible names. */
export function Controls({ ui, onChange, teamAvailable }: { ui: SidebarUiState; onChange: (patch: Partial<SidebarUiState>) => void; teamAvailable: boolean }) {
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
    </div>
  );
}

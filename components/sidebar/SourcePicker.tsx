import { useI18n } from '../common/i18n';
import { useSidebar } from './store-context';

/** The side panel's source switch, shown when more than one source has data. */
export function SourcePicker() {
  const { t } = useI18n();
  const source = useSidebar((state) => state.source);
  const sources = useSidebar((state) => state.answers.sources.value);
  const { pickSource } = useSidebar((state) => state.actions);
  if (!sources || sources.length < 2 || !source) return null;
  return (
    <label className="source">
      <span className="visually-hidden">{t('source.label')}</span>
      <select aria-label={t('source.label')} value={source} onChange={(event) => pickSource(event.target.value)}>
        {sources.map((candidate) => (
          <option key={candidate.source} value={candidate.source}>
            {candidate.label}
          </option>
        ))}
      </select>
    </label>
  );
}

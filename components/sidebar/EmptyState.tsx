import { useI18n } from '../common/i18n';

export function EmptyState({ onExploreDemo }: { onExploreDemo: () => void }) {
  const { t } = useI18n();
  return (
    <section className="card empty">
      <h2>{t('empty.title')}</h2>
      <p>{t('empty.body')}</p>
      <button type="button" className="primary" onClick={onExploreDemo}>
        {t('empty.demo')}
      </button>
    </section>
  );
}

import { useI18n } from '../../common/i18n';

/**
 * Options → Import: a CSV export of any CRM into a local source. The full
 * importer (mapping, preview, worker, rejects) lands here; the options page
 * renders this section as it is.
 */
export function ImportSection() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="import-heading" className="import">
      <h2 id="import-heading">{t('options.title')}</h2>
    </section>
  );
}

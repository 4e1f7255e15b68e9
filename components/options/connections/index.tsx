import { useI18n } from '../../common/i18n';

/**
 * Options → Connections: every supported CRM with connect, test, sync and
 * disconnect. (First cut: the section's frame; the cards follow.)
 */
export function ConnectionsSection() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="connections-heading" className="connections">
      <h2 id="connections-heading">{t('options.connections')}</h2>
    </section>
  );
}

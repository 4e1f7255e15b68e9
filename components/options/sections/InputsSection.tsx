import type { OptionsOverview, Settings } from '@/lib/settings';
import { useI18n } from '../../common/i18n';
import { Section } from '../form';
import { CostsSection, MarginForm } from './CostsSection';
import { SpendSection } from './SpendSection';

/** Inputs the CRM does not hold: spend for CAC, costs or a default margin for profit margin. */
export function InputsSection({ source, settings, overview }: { source: string | undefined; settings: Settings; overview: OptionsOverview | undefined }) {
  const { t } = useI18n();
  return (
    <Section id="inputs" title={t('options.inputs.title')} intro={t('options.inputs.intro')}>
      {source === undefined || overview === undefined ? (
        <p className="note">{t('options.needsSource')}</p>
      ) : (
        <>
          <SpendSection key={`spend|${source}`} source={source} overview={overview} currency={settings.reportingCurrency} />
          <CostsSection key={`costs|${source}`} source={source} overview={overview} settings={settings} />
        </>
      )}
      <MarginForm settings={settings} />
    </Section>
  );
}

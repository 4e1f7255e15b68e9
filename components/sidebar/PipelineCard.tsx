import type { KpiResult } from '../../lib/kpi/types';
import { useI18n } from '../common/i18n';
import { Figure } from './Figure';
import { ResultNote } from './ResultNote';

/** Open pipeline: total value, value weighted by stage probability, and the number of open deals. */
export function PipelineCard({ pipeline, deals }: { pipeline: KpiResult | undefined; deals: KpiResult | undefined }) {
  const { t, money } = useI18n();
  const ok = pipeline?.status === 'ok' ? pipeline : undefined;
  const openDeals = deals?.status === 'ok' ? deals.value : ok?.parts.openDeals;
  return (
    <section className="card" aria-labelledby="pipeline-title">
      <h2 id="pipeline-title">{t('pipeline.title')}</h2>
      {ok ? (
        <dl className="pairs">
          <div>
            <dt>{t('pipeline.total')}</dt>
            <dd>
              <Figure name="pipeline.total" value={ok.value}>
                {money(ok.value, ok.unit)}
              </Figure>
            </dd>
          </div>
          <div>
            <dt>{t('pipeline.weighted')}</dt>
            <dd>
              <Figure name="pipeline.weighted" value={ok.parts.weighted ?? null}>
                {ok.parts.weighted === undefined ? '—' : money(ok.parts.weighted, ok.unit)}
              </Figure>
            </dd>
          </div>
        </dl>
      ) : (
        <ResultNote result={pipeline} fallback="—" />
      )}
      {openDeals !== undefined && (
        <p className="sub">
          <Figure name="pipeline.openDeals" value={openDeals}>
            {t('pipeline.openDeals', { count: openDeals })}
          </Figure>
        </p>
      )}
    </section>
  );
}

import { KPI_FAMILIES, listKpis, hasValue, type KpiId } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { CardActions } from './CardActions';
import { Change, Status } from './Change';
import { Figure } from './Figure';
import { familyName, formatResult, kpiName } from './format';
import { NEED_KEYS } from './ResultNote';
import { SAMPLE_KEYS } from './SampleNote';
import type { MessageKey } from '@/lib/i18n';

export type CatalogueProps = {
  results: Partial<Record<KpiId, ShownResult>> | undefined;
  selection: ViewSelection;
  loading: boolean;
  error?: string;
};

/**
 * Every KPI of the catalogue, grouped as the article groups them (activity, pipeline, conversion,
 * revenue, customers): its value, the change against the comparison period, its status where it
 * has a target or a benchmark, and buttons to explain it and to pin it.
 */
export function Catalogue({ results, selection, loading, error }: CatalogueProps) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="card catalogue" aria-labelledby="catalogue-title" aria-busy={loading}>
      <h2 id="catalogue-title">{t('catalogue.title')}</h2>
      {error && (
        <p className="problem" role="alert">
          {error}
        </p>
      )}
      {!results && !error && (
        <p className="loading" role="status">
          {t('sidebar.loading')}
        </p>
      )}
      {results &&
        KPI_FAMILIES.map((family) => (
          <div key={family} className="family" role="group" aria-labelledby={`family-${family}`}>
            <h3 id={`family-${family}`}>{familyName(family, i18n)}</h3>
            <ul>
              {listKpis(family).map(({ id }) => {
                const result = results[id];
                return (
                  <li key={id} className="kpi-row" data-kpi-row={id}>
                    <span className="kpi-name">{kpiName(id, i18n)}</span>
                    <span className="kpi-value">
                      {hasValue(result) ? (
                        <>
                          <Figure name={`catalogue.${id}`} value={result.value} className={result.status === 'low-sample' ? 'figure low-sample' : undefined}>
                            {formatResult(result, i18n)}
                          </Figure>
                          {result.status === 'low-sample' && (
                            <span
                              className="sample-short"
                              title={t('sample.low', { what: t(SAMPLE_KEYS[result.sample.unit], { count: result.sample.n }), min: result.sample.min })}
                            >
                              {t('sample.short', { what: t(SAMPLE_KEYS[result.sample.unit], { count: result.sample.n }) })}
                            </span>
                          )}
                        </>
                      ) : result?.status === 'needs-data' ? (
                        <span className="muted">
                          {t('kpi.needsShort', { what: result.missing.map((need) => t(`${NEED_KEYS[need]}.what` as MessageKey)).join(', ') })}
                        </span>
                      ) : result?.status === 'not-defined' && result.code === 'not-for-one-rep' ? (
                        <span className="muted" title={t('kpi.notForOneRep')}>
                          {t('kpi.notForOneRepShort')}
                        </span>
                      ) : (
                        <span className="muted">{t('kpi.notDefinedShort')}</span>
                      )}
                    </span>
                    <span className="kpi-extra">
                      <Change result={result} against={selection.compare ?? 'previous'} />
                      <Status result={result} />
                    </span>
                    <CardActions kpi={id} result={result} selection={selection} />
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </section>
  );
}

import { hasValue } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { CardActions } from './CardActions';
import { Figure } from './Figure';
import { Change } from './Change';
import { ResultNote } from './ResultNote';
import { CoverageNotes } from './SampleNote';

/**
 * Open pipeline at the view's instant (now, or the end of a past period): total value, value weighted
 * by stage probability, the number of open deals, the change against the same point of the comparison,
 * and how many open deals have an amount when not all do.
 */
export function PipelineCard({ pipeline, deals, selection }: { pipeline: ShownResult | undefined; deals: ShownResult | undefined; selection?: ViewSelection }) {
  const { t, money } = useI18n();
  const ok = hasValue(pipeline) ? pipeline : undefined;
  const openDeals = hasValue(deals) ? deals.value : ok?.counts.openDeals;
  return (
    <section className="card" aria-labelledby="pipeline-title">
      <div className="card-head">
        <h2 id="pipeline-title">{t('pipeline.title')}</h2>
        {selection && <CardActions kpi="pipelineValue" result={pipeline} selection={selection} />}
      </div>
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
      {ok && selection && <Change result={ok} against={selection.compare ?? 'previous'} />}
      <CoverageNotes result={ok} />
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

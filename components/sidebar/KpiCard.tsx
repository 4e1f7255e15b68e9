import { hasValue, type KpiId } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { CardActions } from './CardActions';
import { Change, Status } from './Change';
import { Figure } from './Figure';
import { formatResult, kpiName } from './format';
import { ResultNote } from './ResultNote';
import { CoverageNotes, SampleNote } from './SampleNote';

/** Any pinned KPI of the catalogue: its value, the change, its status, and what it needs when it has no number. */
export function KpiCard({ id, result, selection }: { id: KpiId; result: ShownResult | undefined; selection: ViewSelection }) {
  const i18n = useI18n();
  const titleId = `kpi-${id}-title`;
  return (
    <section className="card" aria-labelledby={titleId}>
      <div className="card-head">
        <h2 id={titleId}>{kpiName(id, i18n)}</h2>
        <CardActions kpi={id} result={result} selection={selection} />
      </div>
      {hasValue(result) ? (
        <>
          <p className={result.status === 'low-sample' ? 'headline low-sample' : 'headline'}>
            <Figure name={`kpi.${id}`} value={result.value}>
              {formatResult(result, i18n)}
            </Figure>
            <Status result={result} />
          </p>
          <SampleNote result={result} />
          <Change result={result} against={selection.compare ?? 'previous'} />
          <CoverageNotes result={result} />
        </>
      ) : (
        <ResultNote result={result} fallback="—" />
      )}
    </section>
  );
}

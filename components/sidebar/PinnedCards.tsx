import type { KpiId } from '@/lib/kpi';
import type { ShownResult, PinnedView, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { ActivityCard, type ActivityCardProps } from './ActivityCard';
import { KpiCard } from './KpiCard';
import { PipelineCard } from './PipelineCard';
import { QuotaCard } from './QuotaCard';

export type PinnedCardsProps = {
  view: PinnedView<ShownResult>;
  pinned: readonly KpiId[];
  selection: ViewSelection;
  activityTargets: ActivityCardProps['targets'];
  currency: string;
};

/**
 * The pinned KPIs, in the rep's order: activity counts, quota and pipeline have their own cards
 * (the article's three numbers up front); any other pinned KPI gets a card with its value.
 * The open-deal count belongs to the pipeline card unless the rep pinned it on its own.
 */
export function PinnedCards({ view, pinned, selection, activityTargets, currency }: PinnedCardsProps) {
  const { t } = useI18n();
  if (!pinned.length) return <p className="note">{t('pin.none')}</p>;
  return (
    <>
      {pinned.map((id) => {
        switch (id) {
          case 'activityCounts':
            return (
              <ActivityCard key={id} counts={view.activities} targets={activityTargets} periodResult={view.results.activityCounts} selection={selection} />
            );
          case 'quotaAttainment':
            return <QuotaCard key={id} result={view.quota} currency={currency} selection={selection} />;
          case 'pipelineValue':
            return <PipelineCard key={id} pipeline={view.pipeline} deals={view.dealsInPipeline} selection={selection} />;
          default:
            return <KpiCard key={id} id={id} result={view.results[id]} selection={selection} />;
        }
      })}
    </>
  );
}

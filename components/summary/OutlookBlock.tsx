import { dealChance, outlookHeading, outlookLines, weekPlanLines, dealFacts, type SummaryWords, type SummarySection } from '@/lib/export';
import { DealLink } from './DealLink';

/** The forecast for the month holding "now", the plan for the coming week and the deals to work, as the Markdown says them. */
export function OutlookBlock({ section, words, level }: { section: SummarySection; words: SummaryWords; level: 'h2' | 'h3' }) {
  const outlook = section.outlook;
  if (!outlook) return null;
  const Heading = level;
  return (
    <div className="block wide" data-summary-block="outlook">
      <Heading>{outlookHeading(outlook, words)}</Heading>
      {outlook.status === 'ok' ? (
        <>
          <p data-summary="forecast" data-p10={outlook.p10} data-p50={outlook.p50} data-p90={outlook.p90} data-won={outlook.wonSoFar}>
            {outlookLines(outlook, words).join(' · ')}
          </p>
          <Heading>{words.t('comingWeek', { week: words.period(outlook.plan.week.start, outlook.plan.week.end) })}</Heading>
          {weekPlanLines(outlook, words).map((line) => (
            <p key={line} data-summary="weekPlan">
              {line}
            </p>
          ))}
          {outlook.deals.length > 0 && (
            <>
              <Heading>{words.t('dealsToWork')}</Heading>
              <ol className="summary-list deals" data-summary-list="dealsToWork">
                {outlook.deals.map((deal) => (
                  <li key={deal.id} data-deal={deal.id}>
                    <DealLink deal={deal} /> · {[...dealFacts(deal, words, { owner: section.kind !== 'rep' }), dealChance(deal, words)].join(' · ')}
                  </li>
                ))}
              </ol>
            </>
          )}
        </>
      ) : (
        <p className="muted">{outlookLines(outlook, words).join(' ')}</p>
      )}
    </div>
  );
}

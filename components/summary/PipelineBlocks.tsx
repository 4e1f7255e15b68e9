/** Pipeline change, top open deals and deals at risk of one section. */
import { dealFacts, moveDetail, riskReasons, type SummaryWords, type SummarySection } from '@/lib/export';
import { DealLink } from './DealLink';

export function PipelineBlock({ section, words }: { section: SummarySection; words: SummaryWords }) {
  const { t } = words;
  const pipeline = section.pipeline;
  if (!pipeline) return <p className="muted">{t('noDeals')}</p>;
  const team = section.kind !== 'rep';
  return (
    <>
      <table className="summary-table moves">
        <tbody>
          {pipeline.moves.map((row) => (
            <tr key={row.move} data-move={row.move}>
              <th scope="row">{t(`move.${row.move}`)}</th>
              {row.available ? (
                <td>
                  <span data-summary={`pipeline.${row.move}`} data-value={row.count}>
                    {t('deals_n', { count: row.count })}
                  </span>
                  {' · '}
                  <span data-summary={`pipeline.${row.move}Amount`} data-value={row.amount}>
                    {words.money(row.amount)}
                  </span>
                  {row.withoutAmount > 0 && <span className="muted"> ({t('withoutAmount', { count: row.withoutAmount })})</span>}
                  {row.deals.length > 0 && (
                    <ul className="move-deals">
                      {row.deals.map((deal) => {
                        const detail = moveDetail(deal, words);
                        return (
                          <li key={deal.id}>
                            <DealLink deal={deal} /> · {deal.amount === undefined ? '—' : words.money(deal.amount)}
                            {team && <> · {deal.owner}</>}
                            {detail && <span className="muted"> · {detail}</span>}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </td>
              ) : (
                <td className="muted">— ({t('needsHistory')})</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <span data-summary="pipeline.open" data-value={pipeline.openAmount}>
          {t('openNow', {
            deals: t('deals_n', { count: pipeline.openDeals }),
            amount: words.money(pipeline.openAmount),
            weighted: words.money(pipeline.weighted),
          })}
        </span>
      </p>
    </>
  );
}

export function TopOpenBlock({ section, words }: { section: SummarySection; words: SummaryWords }) {
  if (!section.topOpen.length) return <p className="muted">{words.t('noneListed')}</p>;
  return (
    <ol className="summary-list deals" data-summary-list="topOpen">
      {section.topOpen.map((deal) => (
        <li key={deal.id} data-deal={deal.id}>
          <DealLink deal={deal} /> · {dealFacts(deal, words, { owner: section.kind !== 'rep' }).join(' · ')}
        </li>
      ))}
    </ol>
  );
}

export function AtRiskBlock({ section, words }: { section: SummarySection; words: SummaryWords }) {
  const risk = section.atRisk;
  if (!risk) return null;
  return (
    <>
      <p>
        <span data-summary="atRisk" data-value={risk.count}>
          {words.t('deals_n', { count: risk.count })}
        </span>
        , {words.money(risk.amount)}
      </p>
      {risk.deals.length > 0 && (
        <ul className="summary-list deals" data-summary-list="atRisk">
          {risk.deals.map((deal) => (
            <li key={deal.id} data-deal={deal.id}>
              <DealLink deal={deal} /> ·{' '}
              {dealFacts(deal, words, { owner: section.kind !== 'rep' })
                .slice(0, section.kind !== 'rep' ? 2 : 1)
                .join(' · ')}
              <span className="muted"> · {riskReasons(deal, words)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The figure blocks of one section: activities, deals, quota. Numbers carry data-summary/data-value for tests. */
import { activityPhrase, lastWeek, rateWords, type SummaryWords, type SummarySection, type WeekFigure } from '@/lib/export';

function Num({ name, value, children }: { name: string; value: number | null; children: string }) {
  return (
    <span data-summary={name} data-value={value === null ? '' : String(value)}>
      {children}
    </span>
  );
}

export function ActivitiesBlock({ section, words }: { section: SummarySection; words: SummaryWords }) {
  const { t } = words;
  if (!section.activities) return <p className="muted">{t('noActivities')}</p>;
  return (
    <table className="summary-table figures">
      <tbody>
        {section.activities.map((line) => {
          const phrase = activityPhrase(line, words);
          return (
            <tr key={line.kind}>
              <th scope="row">{phrase.label}</th>
              <td>
                <Num name={`activities.${line.kind}`} value={line.value}>
                  {phrase.value}
                </Num>
              </td>
              <td>{line.status ? <span className={`status status-${line.status}`}>{phrase.status}</span> : null}</td>
              <td className="muted">{phrase.previous}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function DealsBlockView({ section, words }: { section: SummarySection; words: SummaryWords }) {
  const { t } = words;
  const deals = section.deals;
  if (!deals) return <p className="muted">{t('noDeals')}</p>;
  const row = (key: 'created' | 'won' | 'lost', figure: WeekFigure, amount?: number) => (
    <tr key={key}>
      <th scope="row">{t(`deals.${key}`)}</th>
      <td>
        <Num name={`deals.${key}`} value={figure.value}>
          {words.num(figure.value)}
        </Num>
        {amount !== undefined && (
          <>
            {' · '}
            <Num name={`deals.${key}Amount`} value={amount}>
              {words.money(amount)}
            </Num>
          </>
        )}
      </td>
      <td className="muted">{lastWeek(words.num(figure.previous), figure.change, words)}</td>
    </tr>
  );
  const rate = rateWords(deals.winRate, words);
  return (
    <table className="summary-table figures">
      <tbody>
        {row('created', deals.created, deals.created.amount)}
        {row('won', deals.won, deals.won.amount)}
        {row('lost', deals.lost)}
        <tr>
          <th scope="row">{t('deals.winRate')}</th>
          <td>
            <span className={deals.winRate.lowSample ? 'muted' : undefined}>
              <Num name="deals.winRate" value={deals.winRate.value}>
                {rate.value}
              </Num>
            </span>
          </td>
          <td className="muted">
            {rate.previous}
            {rate.note && <span className="sample-note"> · {rate.note}</span>}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

export function QuotaBlock({ section, words }: { section: SummarySection; words: SummaryWords }) {
  const { t } = words;
  const quota = section.quota;
  if (quota.status === 'none') return <p className="muted">{t('quota.none')}</p>;
  const { week, month } = quota;
  return (
    <ul className="summary-list">
      <li>
        <Num name="quota.week" value={week.attainmentPct}>
          {t('quota.week', { pct: words.pct(week.attainmentPct), sales: words.money(week.sales), quota: words.money(week.quota) })}
        </Num>{' '}
        {!week.lowSample && <span className={`status status-${week.status}`}>{t(`status.${week.status}`)}</span>}
        {week.previousPct !== null && <span className="muted"> · {t('lastWeek', { value: words.pct(week.previousPct) })}</span>}
      </li>
      {month && (
        <li>
          <Num name="quota.month" value={month.attainmentPct}>
            {t('quota.month', {
              month: words.period(month.start, month.end),
              sales: words.money(month.sales),
              quota: words.money(month.quota),
              pct: words.pct(month.attainmentPct),
              expected: words.pct(month.expectedPct),
            })}
          </Num>
          {month.pacePct !== undefined && (
            <>
              {'; '}
              {t('quota.pace', { pace: words.pct(month.pacePct) })} <span className={`status status-${month.status}`}>{t(`status.${month.status}`)}</span>
            </>
          )}
          {month.projected !== undefined && <>; {t('quota.projected', { amount: words.money(month.projected) })}</>}
        </li>
      )}
    </ul>
  );
}

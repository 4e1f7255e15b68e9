import type { AtRiskList, LapseList } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { safeUrl } from './format';

/** Open deals with no activity for N days or past their expected close date, longest idle first, linked to the CRM. */
export function AtRiskCard({ atRisk, currency }: { atRisk: AtRiskList | undefined; currency: string }) {
  const { t, money } = useI18n();
  return (
    <section className="card" aria-labelledby="risk-title">
      <h2 id="risk-title">{t('risk.title')}</h2>
      {!atRisk ? (
        <p className="loading">{t('sidebar.loading')}</p>
      ) : atRisk.status !== 'ok' ? (
        <p className="note">{atRisk.reason}</p>
      ) : atRisk.total === 0 ? (
        <>
          {atRisk.activityUnknown && <p className="note">{t('risk.activityUnknown')}</p>}
          <p className="note">{atRisk.activityUnknown ? t('risk.noneOverdue') : t('risk.none', { days: atRisk.staleDays })}</p>
        </>
      ) : (
        <>
          {atRisk.activityUnknown && <p className="note">{t('risk.activityUnknown')}</p>}
          <p className="sub">{t('risk.summary', { count: atRisk.total, amount: money(atRisk.amount, currency) })}</p>
          <ul className="link-list">
            {atRisk.deals.map((deal) => {
              const url = safeUrl(deal.url);
              const why = [
                deal.idleDays !== undefined ? t('risk.idle', { count: deal.idleDays }) : undefined,
                deal.daysPastClose !== undefined ? t('risk.overdue', { count: deal.daysPastClose }) : undefined,
              ].filter(Boolean);
              return (
                <li key={deal.id}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {deal.title}
                    </a>
                  ) : (
                    <span>{deal.title}</span>
                  )}
                  <span className="muted">
                    {deal.amount !== undefined ? `${money(deal.amount, currency)} · ` : ''}
                    {why.join('; ')}
                  </span>
                </li>
              );
            })}
          </ul>
          {atRisk.total > atRisk.deals.length && <p className="note">{t('risk.more', { count: atRisk.total - atRisk.deals.length })}</p>}
        </>
      )}
    </section>
  );
}

/**
 * Customers likely to lapse (BG/NBD + Gamma-Gamma, issue 9): the value their silence puts in doubt,
 * with the model named. Where the purchase histories do not allow a fit, it says why instead.
 */
export function LapseCard({ lapse }: { lapse: LapseList | undefined }) {
  const { t, money, percent, number } = useI18n();
  return (
    <section className="card" aria-labelledby="lapse-title">
      <h2 id="lapse-title">{t('lapse.title')}</h2>
      {!lapse ? (
        <p className="loading">{t('sidebar.loading')}</p>
      ) : lapse.status === 'needs-data' ? (
        <p className="note">{t('lapse.needsData')}</p>
      ) : lapse.status === 'cannot-fit' ? (
        <p className="note">{t('lapse.cannotFit', { reason: lapse.reason })}</p>
      ) : lapse.rows.length === 0 ? (
        <p className="note">{t('lapse.none')}</p>
      ) : (
        <>
          <ul className="link-list">
            {lapse.rows.map((row) => {
              const url = safeUrl(row.url);
              return (
                <li key={row.customerId}>
                  {url ? (
                    <a href={url} target="_blank" rel="noopener noreferrer">
                      {row.name}
                    </a>
                  ) : (
                    <span>{row.name}</span>
                  )}
                  <span className="muted">
                    {t('lapse.row', { value: money(row.valueAtRisk, lapse.currency), alive: percent(row.pAlive * 100, 0), weeks: number(row.silenceWeeks) })}
                  </span>
                </li>
              );
            })}
          </ul>
          <p className="note">{t('lapse.method')}</p>
        </>
      )}
    </section>
  );
}

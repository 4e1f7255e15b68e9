import type { RateUsed } from '@/lib/views';
import { useI18n } from '../common/i18n';

/**
 * The exchange rates behind a number: each rate the rep entered with its date (one older than 30
 * days, or of unknown date, is flagged with what to do), the CRM's own conversions, and the
 * currencies left out of the total for want of a rate.
 */
export function RatesUsed({ rates, reporting }: { rates: readonly RateUsed[]; reporting: string }) {
  const { t, number, date } = useI18n();
  if (rates.length === 0) return null;
  return (
    <section className="rates" aria-labelledby="explain-rates">
      <h3 id="explain-rates">{t('explain.rates')}</h3>
      <ul>
        {rates.map((line) => (
          <li key={`${line.currency}|${line.by}`} data-rate={line.currency} data-stale={line.by === 'rate' ? String(line.stale) : undefined}>
            {line.by === 'rate' ? (
              <>
                {line.setAt !== undefined
                  ? t('explain.rate', { from: line.currency, rate: number(line.rate, 6), to: reporting, when: date(line.setAt), count: line.records })
                  : t('explain.rateUndated', { from: line.currency, rate: number(line.rate, 6), to: reporting, count: line.records })}
                {line.stale && <span className="warn rate-flag"> {t(line.setAt !== undefined ? 'explain.rateStale' : 'explain.rateUnknownAge')}</span>}
              </>
            ) : line.by === 'crm' ? (
              t('explain.rateCrm', { from: line.currency, to: reporting, count: line.records })
            ) : (
              <span className="warn">{t('explain.rateMissing', { from: line.currency, count: line.records })}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

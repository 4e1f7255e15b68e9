import type { DealActionKind, DealAlert, DealOutlook, LocalizedText } from '@/lib/forecast';
import { dealActionUrl } from '@/lib/adapters';
import { safeUrl } from '../format';
import { chance, fill, useForecastI18n, type ForecastI18n } from './format';

/** "23 % chance × $10,000 = $2,300" (with where an estimated amount came from). */
function worth(deal: DealOutlook | DealAlert, currency: string, i18n: ForecastI18n): string {
  const percent = chance(deal.probability, i18n);
  if (deal.amount === null) return i18n.f('deals.chanceNoAmount', { percent });
  const line = i18n.f('deals.chance', { percent, amount: i18n.money(deal.amount, currency), expected: i18n.money(deal.expected, currency) });
  return deal.amountSource === 'deal' || deal.amountSource === 'none' ? line : `${line} (${i18n.f(`deals.estimated.${deal.amountSource}`)})`;
}

/**
 * An action on a deal as a link into the CRM where one can be built from the deal's own record link
 * (lib/adapters/deal-links); only http(s), in a new tab, without a handle back on the sidebar.
 * Without a link the action is still said, as text.
 */
export function ActionLink({ url, action, text }: { url: string | undefined; action: DealActionKind; text: string }) {
  const href = safeUrl(dealActionUrl(url, action));
  return href ? (
    <a className="action" href={href} target="_blank" rel="noopener noreferrer" data-action={action}>
      {text}
    </a>
  ) : (
    <span className="action" data-action={action}>
      {text}
    </span>
  );
}

function Title({ deal }: { deal: DealOutlook | DealAlert }) {
  const href = safeUrl(deal.url);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {deal.title}
    </a>
  ) : (
    <span>{deal.title}</span>
  );
}

const text = (value: LocalizedText, params: Readonly<Record<string, number | string>>, i18n: ForecastI18n) => fill(value, params, i18n);

/** A deal to work: what it is expected to bring, and what would move it, each move a link to do it. */
export function OutlookItem({ deal, currency }: { deal: DealOutlook; currency: string }) {
  const i18n = useForecastI18n();
  return (
    <li data-deal={deal.dealId}>
      <Title deal={deal} />
      <span className="muted">{worth(deal, currency, i18n)}</span>
      {deal.moves.length > 0 && (
        <ul className="moves">
          {deal.moves.map((move) => (
            <li key={move.action}>
              <ActionLink url={deal.url} action={move.action} text={text(move.text, move.params, i18n)} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** A deal at risk or to clean up: why, and what to do first (then the other actions). */
export function AlertItem({ deal, currency }: { deal: DealAlert; currency: string }) {
  const i18n = useForecastI18n();
  return (
    <li data-deal={deal.dealId}>
      <Title deal={deal} />
      <span className="muted">{[worth(deal, currency, i18n), ...deal.reasons.map((r) => text(r.text, r.params, i18n))].join('; ')}</span>
      <ul className="moves">
        {deal.actions.map((item) => (
          <li key={item.action}>
            <ActionLink url={deal.url} action={item.action} text={item.text[i18n.locale]} />
          </li>
        ))}
      </ul>
    </li>
  );
}

import type { KpiId } from '@/lib/kpi';
import type { ShownResult, ViewSelection } from '@/lib/views';
import { useI18n } from '../common/i18n';
import { kpiName } from './format';
import { useSidebarActions } from './sidebar-context';

/** "How is this computed?" and pin / unpin, beside a number. */
export function CardActions({
  kpi,
  result,
  selection,
  pinnable = true,
}: {
  kpi: KpiId;
  result: ShownResult | undefined;
  selection: ViewSelection;
  pinnable?: boolean;
}) {
  const i18n = useI18n();
  const { pinned, togglePin, explain } = useSidebarActions();
  const name = kpiName(kpi, i18n);
  const isPinned = pinned.includes(kpi);
  return (
    <span className="card-actions">
      <button
        type="button"
        className="icon-button"
        aria-label={i18n.t('explain.open', { name })}
        title={i18n.t('explain.open', { name })}
        onClick={(event) => explain({ kpi, result, selection, opener: event.currentTarget })}
      >
        ?
      </button>
      {pinnable && (
        <button
          type="button"
          className="icon-button pin"
          aria-pressed={isPinned}
          aria-label={i18n.t(isPinned ? 'pin.remove' : 'pin.add', { name })}
          title={i18n.t(isPinned ? 'pin.remove' : 'pin.add', { name })}
          onClick={() => togglePin(kpi)}
        >
          {isPinned ? '★' : '☆'}
        </button>
      )}
    </span>
  );
}

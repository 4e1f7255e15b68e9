import type { ReactNode } from 'react';
import type { ExplainId } from '@/lib/forecast';
import type { ShownExplain, TrackResponse, ViewSelection } from '@/lib/views';
import { useSidebarActions } from '../sidebar-context';
import { useForecastI18n } from './format';

export type ExplainButtonProps = {
  id: ExplainId | 'track' | 'rep';
  /** With id `rep`: whose range it is. */
  rep?: string;
  explain: ShownExplain;
  currency: string;
  selection: ViewSelection;
  track?: TrackResponse;
  children: ReactNode;
};

/** A forecast number that opens its explain panel, named for screen readers by the panel's title. */
export function ExplainButton({ id, rep, explain, currency, selection, track, children }: ExplainButtonProps) {
  const i18n = useForecastI18n();
  const { explainForecast } = useSidebarActions();
  const label = i18n.f('fc.explain', { name: explain.title[i18n.locale] });
  return (
    <button
      type="button"
      className="link figure-button"
      data-explain={id}
      data-rep={rep}
      title={label}
      onClick={(event) =>
        explainForecast({ id, explain, currency, selection, ...(rep !== undefined ? { rep } : {}), ...(track ? { track } : {}), opener: event.currentTarget })
      }
    >
      {children}
      <span className="visually-hidden"> ({label})</span>
    </button>
  );
}

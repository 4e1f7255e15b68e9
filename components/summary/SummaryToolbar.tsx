import type { SourceStatus } from '@/lib/messaging';
import { useI18n } from '../common/i18n';

export type ToolbarProps = {
  sources: SourceStatus[];
  source: string | undefined;
  onSource: (source: string) => void;
  view: 'personal' | 'team';
  teamAvailable: boolean;
  onView: (view: 'personal' | 'team') => void;
  week: { current: string; previous: string; next?: string } | undefined;
  /** The shown week in words ("Nov 23 – 29"); its code only until the summary is there. */
  weekText?: string;
  onWeek: (week: string) => void;
  ready: boolean;
  onCopy: () => void;
  onCsv: () => void;
  onPrint: () => void;
  notify: boolean | undefined;
  onNotify: (on: boolean) => void;
  notice: { text: string; problem: boolean } | undefined;
};

/** The page's controls; hidden when printing. */
export function SummaryToolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const { week } = props;
  return (
    // A labelled region (a landmark), so nothing on the page sits outside one.
    <section className="summary-toolbar" aria-label={t('summary.controls')}>
      {props.sources.length > 1 && (
        <label>
          {t('summary.source')}{' '}
          <select value={props.source ?? ''} onChange={(event) => props.onSource(event.target.value)}>
            {props.sources.map((source) => (
              <option key={source.source} value={source.source}>
                {source.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="segmented" role="radiogroup" aria-label={t('view.label')}>
        {(['personal', 'team'] as const).map((view) => (
          <button
            key={view}
            type="button"
            role="radio"
            aria-checked={props.view === view}
            disabled={view === 'team' && !props.teamAvailable}
            onClick={() => props.onView(view)}
          >
            {t(`view.${view}`)}
          </button>
        ))}
      </div>
      {week && (
        <div className="week-nav" role="group" aria-label={t('summary.week')}>
          <button type="button" onClick={() => props.onWeek(week.previous)} aria-label={t('summary.previousWeek')}>
            ‹
          </button>
          <span className="week-label">{props.weekText ?? week.current}</span>
          <button type="button" onClick={() => week.next && props.onWeek(week.next)} disabled={!week.next} aria-label={t('summary.nextWeek')}>
            ›
          </button>
        </div>
      )}
      <button type="button" className="primary" disabled={!props.ready} onClick={props.onCopy}>
        {t('summary.copyMarkdown')}
      </button>
      <button type="button" disabled={!props.ready} onClick={props.onCsv}>
        {t('summary.downloadCsv')}
      </button>
      <button type="button" disabled={!props.ready} onClick={props.onPrint}>
        {t('summary.print')}
      </button>
      {props.notify !== undefined && (
        <label className="notify">
          <input type="checkbox" checked={props.notify} onChange={(event) => props.onNotify(event.target.checked)} /> {t('summary.notify')}
        </label>
      )}
      <p className="toolbar-notice" role="status" aria-live="polite" data-problem={props.notice?.problem ? 'true' : undefined}>
        {props.notice?.text ?? ''}
      </p>
    </section>
  );
}

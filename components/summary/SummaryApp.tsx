import { useEffect, useMemo } from 'react';
import { renderCsv, renderMarkdown, summaryTitle, summaryWords } from '@/lib/export';
import { saveSettings } from '@/lib/settings';
import { useI18n } from '../common/i18n';
import { useCreated } from '../common/page-store';
import { useSettings } from '../common/use-storage';
import { downloadText, summaryFileName } from './download';
import { createSummaryStore, sourceOf, sourcesOf, SummaryStoreProvider, useSummaryPage } from './store';
import { SummaryReport } from './SummaryReport';
import { SummaryToolbar } from './SummaryToolbar';

/**
 * summary.html: the weekly summary of a source (`?source=`; else the most recently synced one) for a
 * view and week (`?view=team`, `?week=2017-W23`), built by the background. Copy as Markdown, download
 * CSV, or print it (the print CSS hides the controls).
 */
export function SummaryApp({ search = location.search }: { search?: string }) {
  const store = useCreated(() => createSummaryStore(new URLSearchParams(search)));
  return (
    <SummaryStoreProvider store={store}>
      <SummaryScreen />
    </SummaryStoreProvider>
  );
}

function SummaryScreen() {
  const { t, locale } = useI18n();
  const settings = useSettings();
  const sources = useSummaryPage(sourcesOf);
  const source = useSummaryPage(sourceOf);
  const view = useSummaryPage((state) => state.view);
  const notice = useSummaryPage((state) => state.notice);
  const { value: reply, error, loading: asking } = useSummaryPage((state) => state.answers.summary);
  const { choose, setView, setWeek, setNotice } = useSummaryPage((state) => state.actions);
  // Loading until the first answer (or failure), and while the next one is built.
  const loading = asking || (reply === undefined && error === undefined);
  const summary = reply?.summary ?? undefined;
  const words = useMemo(() => (summary ? summaryWords(summary, locale) : undefined), [summary, locale]);

  useEffect(() => {
    document.title = summary && words ? summaryTitle(summary, words) : t('summary.pageTitle');
  }, [summary, words, t]);

  // What the rep picks is kept in the address, so a reload or a bookmark shows the same summary.
  const remember = (key: 'source' | 'view' | 'week', value: string) => {
    const next = new URLSearchParams(location.search);
    next.set(key, value);
    history.replaceState(null, '', `?${next.toString()}`);
  };
  const copy = () => {
    if (!summary) return;
    navigator.clipboard.writeText(renderMarkdown(summary, locale)).then(
      () => setNotice({ text: t('summary.copied'), problem: false }),
      (failure: unknown) =>
        setNotice({ text: t('summary.copyFailed', { error: failure instanceof Error ? failure.message : String(failure) }), problem: true }),
    );
  };
  const csv = () => {
    if (!summary) return;
    // A byte order mark, so spreadsheet programs read the UTF-8 (Cyrillic names) right.
    downloadText(summaryFileName(summary.week.label, summary.audience.name, 'csv'), `\uFEFF${renderCsv(summary, locale)}`, 'text/csv;charset=utf-8');
  };

  let body;
  if (sources !== undefined && !source) body = <p className="summary-empty">{t('summary.noSource')}</p>;
  else if (error)
    body = (
      <p className="problem" role="alert">
        {t('summary.error', { error })}
      </p>
    );
  else if (!reply) body = <p className="loading">{t('summary.loading')}</p>;
  else if (!summary || !words) body = <p className="summary-empty">{t('summary.noData')}</p>;
  else body = <SummaryReport summary={summary} words={words} />;

  return (
    <div className="summary-page" data-loading={loading ? 'true' : 'false'}>
      <SummaryToolbar
        sources={sources ?? []}
        source={source}
        onSource={(next) => {
          choose(next);
          remember('source', next);
        }}
        view={reply?.view ?? view}
        teamAvailable={reply?.teamAvailable ?? false}
        onView={(next) => {
          setView(next);
          remember('view', next);
        }}
        week={reply?.weeks}
        weekText={summary && words ? words.period(summary.week.start, summary.week.end) : undefined}
        onWeek={(next) => {
          setWeek(next);
          remember('week', next);
        }}
        ready={Boolean(summary) && !loading}
        onCopy={copy}
        onCsv={csv}
        onPrint={() => window.print()}
        notify={settings?.weeklySummaryNotification}
        onNotify={(on) => void saveSettings({ weeklySummaryNotification: on })}
        notice={notice}
      />
      <main>{body}</main>
    </div>
  );
}

import { useEffect } from 'react';
import { DiscardedNotice } from '../common/DiscardedNotice';
import { useI18n } from '../common/i18n';
import { ConnectionsSection } from './connections';
import { ImportSection } from './import';
import type { OptionsApi } from './api';
import type { ConnectionsApi } from './connections/api';
import { DataSection } from './data/DataSection';
import { BenchmarksSection } from './sections/BenchmarksSection';
import { InputsSection } from './sections/InputsSection';
import { MoneyTimeSection } from './sections/MoneyTimeSection';
import { SidebarSection } from './sections/SidebarSection';
import { TargetsSection } from './sections/TargetsSection';
import { WhatCountsSection } from './sections/WhatCountsSection';
import { OptionsScope } from './scope';
import { SourcePicker } from './SourcePicker';
import { overviewOf, QUARANTINE_PAGE, quarantinedCount, sourceOf, useOptions } from './store';
import type { QuarantineView } from './data/QuarantineTable';
import './options.css';

const NAV = ['connections-heading', 'import-heading', 'targets', 'what-counts', 'money', 'inputs', 'benchmarks', 'sidebar', 'data'] as const;

/**
 * The options page: connections and CSV import (their own sections), then the
 * settings that make the numbers the rep's own, and the data. `api` replaces
 * the browser and the background in tests.
 */
export function Options({ api, connections }: { api?: OptionsApi; connections?: ConnectionsApi }) {
  return (
    <OptionsScope api={api} connections={connections}>
      <OptionsPage />
    </OptionsScope>
  );
}

function OptionsPage() {
  const { t } = useI18n();
  const settings = useOptions((state) => state.settings);
  const problems = useOptions((state) => state.problems);
  const discarded = useOptions((state) => state.discarded);
  const sources = useOptions((state) => state.answers.sources.value);
  const source = useOptions(sourceOf);
  const overview = useOptions(overviewOf);
  const error = useOptions((state) => state.answers.overview.error);
  const { choose, refreshSources, quarantinePage, dismissDiscarded } = useOptions((state) => state.actions);
  const quarantineAnswer = useOptions((state) => state.answers.quarantine);
  const quarantineBefore = useOptions((state) => state.quarantine.before.length);
  const quarantineTotal = useOptions(quarantinedCount);
  const quarantine: QuarantineView = {
    page: quarantineAnswer.value,
    loading: quarantineAnswer.loading,
    error: quarantineAnswer.error,
    offset: quarantineBefore * QUARANTINE_PAGE,
    total: quarantineTotal,
    sourceLabel: (id) => sources?.find((candidate) => candidate.source === id)?.label ?? id,
    onPage: quarantinePage,
  };
  const theme = settings?.theme;
  useEffect(() => {
    // The rep's theme choice, like the sidebar's: `auto` follows the system.
    if (theme === undefined) return;
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <div className="options-page">
      <header className="options-header">
        <h1>{t('options.title')}</h1>
        <nav aria-label={t('options.nav')}>
          <ul>
            {NAV.map((id) => (
              <li key={id}>
                <a href={`#${id}`}>{t(`options.nav.${id}`)}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="options">
        {discarded && <DiscardedNotice notice={discarded} onDismiss={dismissDiscarded} />}
        {problems.length > 0 && (
          <div className="problem" role="alert">
            <p>{t('options.settingsRepaired')}</p>
            <ul>
              {problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          </div>
        )}
        <ConnectionsSection />
        <ImportSection />
        <SourcePicker sources={sources} source={source} onChoose={choose} onDemoLoaded={refreshSources} />
        {error && (
          <p className="problem" role="alert">
            {error}
          </p>
        )}
        {settings && (
          <>
            <TargetsSection source={source} settings={settings} overview={overview} />
            <WhatCountsSection source={source} settings={settings} overview={overview} />
            <MoneyTimeSection settings={settings} overview={overview} />
            <InputsSection source={source} settings={settings} overview={overview} />
            <BenchmarksSection settings={settings} />
            <SidebarSection settings={settings} />
            <DataSection settings={settings} onChanged={refreshSources} quarantine={quarantine} quarantinePageSize={QUARANTINE_PAGE} />
          </>
        )}
        <p className="note">{t('options.privacy')}</p>
      </main>
    </div>
  );
}

import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import type { KpiLensDb } from '../../lib/db/db';
import { resolveLocale } from '../../lib/i18n/locale';
import type { KpiData, KpiScope } from '../../lib/kpi/types';
import type { Settings } from '../../lib/settings/schema';
import { calendarOf } from '../../lib/views/query';
import { ACTIVITY_KINDS, ACTIVITY_WINDOWS, computePinnedView } from '../../lib/views/pinned';
import { dailyActivityTarget, targetForWindow } from '../../lib/views/targets';
import { periodContaining } from '../../lib/period';
import { I18nProvider } from '../common/i18n';
import { useSettings, useUiState } from '../common/use-storage';
import { Sidebar } from './Sidebar';
import { useSourceData } from './use-source-data';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "Now" for the numbers, moved on every minute so today's counts roll over at midnight. */
function useNow(stepMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}

/** Whose numbers: the signed-in rep, or the rep's team in team view. */
export function scopeFor(data: KpiData, settings: Settings, source: string, view: 'personal' | 'team'): { scope: KpiScope; ownerId?: string; teamAvailable: boolean } {
  const ownerId = settings.currentOwner[source];
  const owner = data.owners.find((candidate) => candidate.externalId === ownerId);
  const teamAvailable = owner?.teamId !== undefined;
  if (!ownerId) return { scope: { ownerIds: 'all' }, teamAvailable: false };
  if (view === 'team' && owner?.teamId) {
    const members = data.owners.filter((candidate) => candidate.teamId === owner.teamId).map((candidate) => candidate.externalId);
    return { scope: { ownerIds: members, teamId: owner.teamId }, ownerId, teamAvailable };
  }
  return { scope: { ownerIds: [ownerId] }, ownerId, teamAvailable };
}

export function SidebarApp({ db, source: initialSource, surface }: { db: KpiLensDb; source: string; surface: 'frame' | 'panel' }) {
  const [source, setSource] = useState(initialSource);
  const settings = useSettings();
  const crm = initialSource.split(':')[0]!;
  const [ui, setUi] = useUiState(crm);
  const { data, status } = useSourceData(db, source);
  const asOf = useNow(60_000);

  const viewChoice = ui?.view;
  const scoped = useMemo(() => (data && settings && viewChoice ? scopeFor(data, settings, source, viewChoice) : undefined), [data, settings, source, viewChoice]);
  const view = useMemo(() => {
    if (!data || !settings || !ui || !scoped) return null;
    return computePinnedView(data, { settings, browserZone: BROWSER_ZONE, asOf, scope: scoped.scope, period: ui.period });
  }, [data, settings, ui, scoped, asOf]);
  const targets = useMemo(() => {
    const calendar = settings && calendarOf(settings, BROWSER_ZONE);
    const byKind = {} as Record<(typeof ACTIVITY_KINDS)[number], Record<(typeof ACTIVITY_WINDOWS)[number], number | undefined>>;
    for (const kind of ACTIVITY_KINDS) {
      const perDay = data && ui?.view === 'personal' ? dailyActivityTarget(data.targets, kind, scoped?.ownerId) : undefined;
      byKind[kind] = { day: undefined, week: undefined, month: undefined };
      if (calendar) for (const window of ACTIVITY_WINDOWS) byKind[kind][window] = targetForWindow(perDay, periodContaining(window, asOf, calendar), calendar);
    }
    return byKind;
  }, [data, settings, ui?.view, scoped?.ownerId, asOf]);

  if (!settings || !ui) return null;
  const locale = resolveLocale(settings.locale, navigator.language);
  const hasData = (status?.records ?? 0) > 0;
  const ownerName = data?.owners.find((owner) => owner.externalId === scoped?.ownerId)?.name;
  return (
    <I18nProvider locale={locale} timeZone={calendarOf(settings, BROWSER_ZONE).timeZone}>
      <Sidebar
        ui={ui}
        onUiChange={setUi}
        view={hasData ? view : null}
        activityTargets={targets}
        status={status}
        hasData={hasData}
        teamAvailable={scoped?.teamAvailable ?? false}
        ownerName={ownerName}
        onExploreDemo={() => {
          void browser.runtime.sendMessage({ type: 'demo/load' }).then(() => setSource('demo'));
        }}
        onSyncNow={source === 'demo' ? undefined : () => void browser.runtime.sendMessage({ type: 'sync/start', source })}
        onCollapse={surface === 'frame' ? () => setUi({ open: false }) : undefined}
      />
    </I18nProvider>
  );
}

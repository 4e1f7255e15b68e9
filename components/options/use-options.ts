import { useCallback, useEffect, useState } from 'react';
import type { SourceStatus } from '../../lib/messaging/protocol';
import type { OptionsOverview } from '../../lib/settings/overview';
import type { Settings } from '../../lib/settings/schema';
import type { OptionsApi } from './api';

/** The settings as stored (migrated), what migration repaired, and live updates from other pages. */
export function useOptionsSettings(api: OptionsApi): { settings: Settings | undefined; problems: string[]; replace: (settings: Settings) => void } {
  const [settings, setSettings] = useState<Settings>();
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    void api.loadSettings().then((report) => {
      if (!live) return;
      setSettings(report.settings);
      setProblems(report.problems);
    });
    const stop = api.watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, [api]);
  return { settings, problems, replace: setSettings };
}

/** Every source with data (connected CRMs, imports, the demo), refreshed on demand. */
export function useSources(api: OptionsApi): { sources: SourceStatus[] | undefined; error?: string; refresh: () => void } {
  const [sources, setSources] = useState<SourceStatus[]>();
  const [error, setError] = useState<string>();
  const refresh = useCallback(() => {
    api.sources().then(
      (list) => {
        setSources(list);
        setError(undefined);
      },
      (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [api]);
  useEffect(refresh, [refresh]);
  return { sources, error, refresh };
}

/** What the options page shows about one source; asked again when its data or the settings change. */
export function useOverview(api: OptionsApi, source: string | undefined, settings: Settings | undefined) {
  const [overview, setOverview] = useState<OptionsOverview>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    if (source === undefined) return;
    return api.watchData(source, refresh);
  }, [api, source, refresh]);
  useEffect(() => {
    if (source === undefined) {
      setOverview(undefined);
      return;
    }
    let live = true;
    api.overview(source).then(
      (value) => {
        if (!live) return;
        setOverview(value);
        setError(undefined);
      },
      (failure: unknown) => live && setError(failure instanceof Error ? failure.message : String(failure)),
    );
    return () => {
      live = false;
    };
    // Rates and the reporting currency change what the overview counts as left out.
  }, [api, source, tick, settings?.reportingCurrency, settings?.rates]);
  return { overview: overview?.source === source ? overview : undefined, error, refresh };
}

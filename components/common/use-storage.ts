import { useEffect, useState } from 'react';
import type { Settings } from '../../lib/settings/schema';
import { loadSettings, watchSettings } from '../../lib/settings/storage';

export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    const stop = watchSettings(setSettings);
    return () => {
      live = false;
      stop();
    };
  }, []);
  return settings;
}

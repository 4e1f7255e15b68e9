import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/**
 * An object kept under one `browser.storage.local` key, read through `read` (which validates and
 * fills defaults), followed when another page or the content script changes it, and patched by
 * `merge` (a plain spread unless the caller normalises the result). Undefined until first read.
 */
export function useStoredState<T extends object>(
  key: string,
  read: (stored: unknown) => T,
  merge: (current: T, patch: Partial<T>) => T = (current, patch) => ({ ...current, ...patch }),
): [T | undefined, (patch: Partial<T>) => void] {
  const [state, setState] = useState<T>();
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => live && setState(read(stored[key])));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && key in changes) setState(read(changes[key]!.newValue));
    };
    browser.storage.onChanged.addListener(listener);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(listener);
    };
    // `read` and `merge` are module-level functions of the callers: the key alone says what to follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const update = useCallback(
    (patch: Partial<T>) => {
      setState((current) => {
        const next = merge(current ?? read(undefined), patch);
        void browser.storage.local.set({ [key]: next });
        return next;
      });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return [state, update];
}

import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';

/**
 * Subscribes to a Dexie live query: re-runs when the tables it read change
 * (including writes by the background), and returns the latest result.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error: unknown) => console.error('KPI Lens query failed', error) });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}

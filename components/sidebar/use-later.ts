import { useEffect, useState } from 'react';

/**
 * True once `ready` has been true for a painted frame: what is not pinned (charts, lists, the
 * catalogue) is asked for only after the pinned numbers are on screen, so it never delays them.
 */
export function useAfterPaint(ready: boolean): boolean {
  const [later, setLater] = useState(false);
  useEffect(() => {
    if (!ready || later) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setLater(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, later]);
  return later;
}

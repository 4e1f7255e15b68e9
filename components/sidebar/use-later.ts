import { useEffect } from 'react';

/**
 * Calls `then` once `ready` has been true for a painted frame: what is not pinned (charts, lists,
 * the catalogue) is asked for only after the pinned numbers are on screen, so it never delays them.
 */
export function useAfterPaint(ready: boolean, then: () => void): void {
  useEffect(() => {
    if (!ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(then, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [ready, then]);
}

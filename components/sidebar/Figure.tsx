import type { ReactNode } from 'react';

/**
 * A number on screen. `name` and `value` are also kept as data attributes so
 * the demo and the end-to-end tests read exactly what is shown, not a
 * recomputation.
 */
export function Figure({ name, value, children, className }: { name: string; value: number | null; children: ReactNode; className?: string }) {
  return (
    <span className={className ?? 'figure'} data-kpi={name} data-value={value === null ? '' : String(value)}>
      {children}
    </span>
  );
}

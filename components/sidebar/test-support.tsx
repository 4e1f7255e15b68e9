import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { Locale } from '@/lib/i18n';
import type { ViewSelection } from '@/lib/views';
import { I18nProvider } from '../common/i18n';
import { SidebarActionsProvider, type SidebarActions } from './sidebar-context';

export const selection: ViewSelection = { source: 'crm:acme', view: 'personal', period: 'month' };

/** Renders a sidebar part with a language and the sidebar's actions (spies unless given). */
export function renderPart(node: ReactNode, options: { locale?: Locale; timeZone?: string; actions?: Partial<SidebarActions> } = {}) {
  const actions: SidebarActions = {
    pinned: ['activityCounts', 'quotaAttainment', 'pipelineValue'],
    togglePin: vi.fn(),
    explain: vi.fn(),
    explainForecast: vi.fn(),
    drawCharts: false,
    ...options.actions,
  };
  const view = render(
    <I18nProvider locale={options.locale ?? 'en'} timeZone={options.timeZone ?? 'UTC'}>
      <SidebarActionsProvider value={actions}>{node}</SidebarActionsProvider>
    </I18nProvider>,
  );
  return { ...view, actions };
}

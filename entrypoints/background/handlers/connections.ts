import { browser } from 'wxt/browser';
import {
  resolveConnection,
  planConnection,
  permissionsForPlan,
  releasablePermissions,
  adapterFor,
  getConnection,
  listConnections,
  removeConnection,
  saveConnection,
  connectionView,
} from '@/lib/connections';
import { deleteSource, countByType, objectStatuses } from '@/lib/db';
import type { Responses } from '@/lib/messaging';
import { loadSettings, saveSettings } from '@/lib/settings';
import { backgroundContextDeps, backgroundTimeZone } from '../jobs';
import { rememberUser, testAndRemember } from '../onboarding';
import type { HandlerDeps, HandlerGroup } from './types';

type ConnectionsType = 'connections/list' | 'connections/connect' | 'connections/test' | 'connections/disconnect';

/**
 * TEST builds only: a connection may point its API at a fake CRM on loopback,
 * so the end-to-end tests can connect a token-based CRM. Vite replaces MODE
 * at build time: production builds hold `false` here and drop the option.
 */
const TEST_BUILD = import.meta.env.MODE === 'test';

/** Disconnecting waits for the source's sync to stop (it stops at its next request) before deleting its data. */
function whenSyncIdle<T>(source: string, task: () => Promise<T>): Promise<T> {
  return navigator.locks.request(`kpi-lens-sync:${source}`, task) as Promise<T>;
}

export function connectionHandlers(deps: HandlerDeps): HandlerGroup<ConnectionsType> {
  const { db, scheduler, views, versions, statuses } = deps;

  const changed = (source: string) => {
    statuses.forget(source);
    versions.bumpNow(source);
  };

  return {
    'connections/list': async () => {
      const connections = [];
      for (const connection of await listConnections()) {
        const order = adapterFor(connection.crm)?.objects.map((spec) => spec.name) ?? [];
        const [status, objects, counts] = await Promise.all([
          statuses.status(connection.source),
          objectStatuses(db, connection.source, order),
          countByType(db, connection.source),
        ]);
        connections.push(connectionView(connection, { status, objects, counts }));
      }
      return { connections };
    },

    'connections/connect': async (request): Promise<Responses['connections/connect']> => {
      const planned = planConnection(request.input, { allowTestApiBase: TEST_BUILD });
      if (planned.ok) {
        const needed = permissionsForPlan(planned.plan, TEST_BUILD && Boolean(request.input.apiBase?.trim()));
        if (!(await browser.permissions.contains(needed).catch(() => false))) {
          return {
            ok: false,
            problem: {
              kind: 'permission',
              message: 'KPI Lens has no access to this CRM yet',
              userAction: 'Click Connect again and allow access when the browser asks.',
            },
          };
        }
      }
      const outcome = await resolveConnection(request.input, request.oauth, {
        ...backgroundContextDeps(await backgroundTimeZone()),
        adapterFor,
        now: () => Date.now(),
        allowTestApiBase: TEST_BUILD,
      });
      if (!outcome.ok) return outcome;
      const previous = await getConnection(outcome.connection.source);
      // Same account again (a new token, session → token): its data and account facts stay.
      await saveConnection({
        ...outcome.connection,
        details: { ...previous?.details, ...outcome.connection.details },
        connectedAt: previous?.connectedAt ?? outcome.connection.connectedAt,
      });
      if (outcome.user) await rememberUser(outcome.connection.source, outcome.user);
      changed(outcome.connection.source);
      void scheduler.kick(outcome.connection.source);
      return { ok: true, source: outcome.connection.source, user: outcome.user, problem: outcome.problem };
    },

    'connections/test': async (request) => {
      const outcome = await testAndRemember(request.source);
      changed(request.source);
      return outcome;
    },

    'connections/disconnect': async (request) => {
      const connection = await getConnection(request.source);
      if (!connection) return { removed: false, dataDeleted: false, permissionsRemoved: [] };
      await removeConnection(connection.source);
      await browser.alarms.clear(`sync:${connection.source}`);
      if (request.deleteData) {
        await whenSyncIdle(connection.source, () => deleteSource(db, connection.source));
        views.invalidate(connection.source);
        const settings = await loadSettings();
        const { [connection.source]: _dropped, ...currentOwner } = settings.currentOwner;
        await saveSettings({ currentOwner });
      }
      changed(connection.source);
      const granted = await browser.permissions.getAll();
      const release = releasablePermissions(connection, await listConnections(), { origins: granted.origins ?? [], permissions: granted.permissions ?? [] });
      const removed = release.origins.length || release.permissions.length ? await browser.permissions.remove(release).catch(() => false) : false;
      return { removed: true, dataDeleted: request.deleteData, permissionsRemoved: removed ? [...release.origins, ...release.permissions] : [] };
    },
  };
}

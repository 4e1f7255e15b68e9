import { useId, useState } from 'react';
import type { ConnectionView } from '@/lib/connections';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { useConnectionsApi } from './api';
import { ObjectTable } from './ObjectTable';

type Note = { kind: 'ok' | 'problem'; text: string; action?: string };

const BUDGET_LABELS: Partial<Record<ConnectionView['crm'], MessageKey>> = {
  pipedrive: 'conn.budget.pipedrive',
  salesforce: 'conn.budget.salesforce',
  hubspot: 'conn.budget.hubspot',
};

/**
 * One connected CRM: who it signs in as and how, its last sync and record
 * counts, the API budget, each object's progress; Test, Sync now, Disconnect
 * (which asks whether to keep or delete the data).
 */
export function ConnectionCard({ connection, onChanged }: { connection: ConnectionView; onChanged: () => void }) {
  const { t, dateTime, number } = useI18n();
  const api = useConnectionsApi();
  const id = useId();
  const [busy, setBusy] = useState<'test' | 'sync' | 'disconnect'>();
  const [note, setNote] = useState<Note>();
  const [asking, setAsking] = useState(false);
  const { status, budget } = connection;
  const name = { label: connection.label, account: connection.account };

  const run = async (what: 'test' | 'sync' | 'disconnect', task: () => Promise<Note | undefined>) => {
    setBusy(what);
    try {
      setNote(await task());
    } catch (error) {
      setNote({ kind: 'problem', text: error instanceof Error ? error.message : String(error) });
    } finally {
      setBusy(undefined);
      onChanged();
    }
  };

  const test = () =>
    run('test', async () => {
      const outcome = await api.test(connection.source);
      if (!outcome.ok) return { kind: 'problem', text: outcome.problem.message, action: outcome.problem.userAction };
      return { kind: 'ok', text: outcome.user ? t('conn.testOk', { name: outcome.user.name }) : t('conn.testOkNoUser', { label: connection.label }) };
    });
  const syncNow = () =>
    run('sync', async () => {
      const reply = await api.syncNow(connection.source);
      return { kind: 'ok', text: reply.started ? t('conn.syncStarted') : t('conn.syncBusy') };
    });
  const disconnect = (deleteData: boolean) =>
    run('disconnect', async () => {
      setAsking(false);
      await api.disconnect(connection.source, deleteData);
      return undefined;
    });

  const via = connection.method === 'session' ? t('conn.via.session') : t(`conn.via.${connection.method}`, { hint: connection.credentialHint ?? '' });
  const budgetLabel = BUDGET_LABELS[connection.crm];
  return (
    <article className="connection card" aria-labelledby={`${id}-title`} data-source={connection.source}>
      <header>
        <h3 id={`${id}-title`}>
          {connection.label} · {connection.account}
        </h3>
        <p className="note">
          {via} · {connection.user ? t('conn.signedInAs', { name: connection.user.name }) : t('conn.notTested')} ·{' '}
          {t('conn.connectedSince', { when: dateTime(connection.connectedAt) })}
        </p>
      </header>
      <p className="summary">
        <span data-field="records">{t('popup.records', { count: status.records })}</span>
        {' · '}
        {status.syncing && status.progress
          ? t('sync.running', { object: status.progress.object, records: status.progress.records })
          : status.lastSyncAt
            ? t('sync.last', { when: dateTime(status.lastSyncAt) })
            : t('sync.never')}
        {status.quarantined > 0 && <span className="warn"> · {t('sync.quarantined', { count: status.quarantined })}</span>}
      </p>
      {budget && budget.remaining !== undefined && budget.limit !== undefined && (
        <p className="note" data-field="budget">
          {t('conn.budgetLeft', { label: budgetLabel ? t(budgetLabel) : budget.label, remaining: number(budget.remaining, 0), limit: number(budget.limit, 0) })}
          {budget.resetsAt !== undefined && ` · ${t('conn.budgetResets', { when: dateTime(budget.resetsAt) })}`}
        </p>
      )}
      {status.problem && (
        <div className="problem" role="alert">
          <p>{status.problem.message}</p>
          <p>{status.problem.userAction}</p>
        </div>
      )}
      {connection.objects.length > 0 && <ObjectTable objects={connection.objects} />}
      <div className="actions">
        <button type="button" onClick={() => void test()} disabled={busy !== undefined}>
          {busy === 'test' ? t('conn.testing') : t('conn.test')}
        </button>
        <button type="button" onClick={() => void syncNow()} disabled={busy !== undefined || status.syncing}>
          {t('sync.now')}
        </button>
        <button type="button" onClick={() => setAsking(true)} disabled={busy !== undefined} aria-expanded={asking} aria-controls={`${id}-ask`}>
          {t('conn.disconnect')}
        </button>
      </div>
      {asking && (
        <div id={`${id}-ask`} className="confirm" role="group" aria-label={t('conn.disconnect')}>
          <p>{t('conn.disconnectAsk', name)}</p>
          <button type="button" className="danger" onClick={() => void disconnect(true)}>
            {t('conn.disconnectDelete')}
          </button>
          <button type="button" onClick={() => void disconnect(false)}>
            {t('conn.disconnectKeep')}
          </button>
          <button type="button" className="link" onClick={() => setAsking(false)}>
            {t('conn.cancel')}
          </button>
        </div>
      )}
      {note && (
        <div className={note.kind === 'ok' ? 'outcome' : 'outcome problem'} role={note.kind === 'ok' ? 'status' : 'alert'}>
          <p>{note.text}</p>
          {note.action && <p>{note.action}</p>}
        </div>
      )}
    </article>
  );
}

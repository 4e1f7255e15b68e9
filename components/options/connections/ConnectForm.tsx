import { useId, useState, type FormEvent } from 'react';
import {
  CONNECTABLE_CRMS,
  CRM_CATALOG,
  type ConnectableCrm,
  type ConnectField,
  type ConnectMethod,
  permissionsForPlan,
  planConnection,
  type ConnectInput,
  OAuthCancelled,
} from '@/lib/connections';
import type { MessageKey } from '@/lib/i18n';
import { useI18n } from '../../common/i18n';
import { useConnectionsApi } from './api';

type Outcome = { kind: 'ok' | 'problem'; text: string; action?: string };

const INVALID: Record<ConnectField | 'method' | 'apiBase', MessageKey> = {
  account: 'conn.invalid.account',
  token: 'conn.invalid.token',
  webhookUrl: 'conn.invalid.webhookUrl',
  clientId: 'conn.invalid.clientId',
  clientSecret: 'conn.invalid.clientSecret',
  loginUrl: 'conn.invalid.loginUrl',
  apiBase: 'conn.invalid.apiBase',
  method: 'conn.invalid.method',
};

function methodLabel(crm: ConnectableCrm, method: ConnectMethod): MessageKey {
  if (method === 'token') return `conn.token.${crm as 'pipedrive' | 'hubspot' | 'close' | 'kommo'}`;
  return `conn.method.${method as 'session' | 'oauth' | 'webhook'}`;
}

function fieldLabel(crm: ConnectableCrm, field: ConnectField): MessageKey {
  if (field === 'account') return `conn.field.account.${crm as 'pipedrive' | 'salesforce' | 'kommo' | 'bitrix24'}`;
  if (field === 'token') return methodLabel(crm, 'token');
  return `conn.field.${field}`;
}

/**
 * Connect a CRM: pick it and how to sign in, fill what that needs, Connect.
 * The click asks the browser for that CRM's host access first (and the cookies
 * or identity permission where the method needs it), while the rep's gesture
 * still counts; Salesforce OAuth then opens Salesforce's sign-in window.
 */
export function ConnectForm({ onConnected }: { onConnected: () => void }) {
  const { t } = useI18n();
  const api = useConnectionsApi();
  const id = useId();
  const [crm, setCrm] = useState<ConnectableCrm>('pipedrive');
  const [method, setMethod] = useState<ConnectMethod>(CRM_CATALOG.pipedrive.methods[0]!);
  const [values, setValues] = useState<Partial<Record<ConnectField | 'apiBase', string>>>({});
  const [invalid, setInvalid] = useState<ConnectField | 'method' | 'apiBase'>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const entry = CRM_CATALOG[crm];
  const fields = entry.fields[method] ?? { required: [] };
  const label = entry.label;

  const pickCrm = (next: ConnectableCrm) => {
    setCrm(next);
    setMethod(CRM_CATALOG[next].methods[0]!);
    setInvalid(undefined);
    setOutcome(undefined);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input: ConnectInput = { crm, method, ...values, apiBase: api.testBuild ? values.apiBase : undefined };
    const planned = planConnection(input, { allowTestApiBase: api.testBuild });
    if (!planned.ok) {
      setInvalid(planned.field);
      document.getElementById(`${id}-${planned.field}`)?.focus();
      return;
    }
    setInvalid(undefined);
    setBusy(true);
    setOutcome(undefined);
    try {
      // First await of the click: the browser grants permissions only during the rep's gesture.
      const granted = await api.requestPermissions(permissionsForPlan(planned.plan, api.testBuild && Boolean(input.apiBase?.trim())));
      if (!granted) {
        setOutcome({ kind: 'problem', text: t('conn.denied', { label }) });
        return;
      }
      const code = method === 'oauth' ? await api.authorizeSalesforce({ loginUrl: planned.plan.apiBase, clientId: (values.clientId ?? '').trim() }) : undefined;
      const reply = await api.connect(input, code);
      if (!reply.ok) {
        setOutcome({ kind: 'problem', text: `${t('conn.failed')} ${reply.problem.message}`, action: reply.problem.userAction });
        return;
      }
      const account = reply.source.slice(reply.source.indexOf(':') + 1);
      const text = reply.user ? t('conn.connectedAs', { label, account, name: reply.user.name }) : t('conn.connected', { label, account });
      setOutcome({
        kind: reply.problem ? 'problem' : 'ok',
        text: reply.problem ? `${text} ${reply.problem.message}` : text,
        action: reply.problem?.userAction,
      });
      setValues({});
      onConnected();
    } catch (error) {
      setOutcome({
        kind: 'problem',
        text: error instanceof OAuthCancelled ? t('conn.cancelled') : `${t('conn.failed')} ${error instanceof Error ? error.message : String(error)}`,
      });
    } finally {
      setBusy(false);
    }
  }

  const shown: ConnectField[] = [...fields.required, ...(fields.optional ?? [])];
  const secret = (field: ConnectField) => field === 'token' || field === 'webhookUrl' || field === 'clientSecret';
  return (
    <form className="connect-form card" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('conn.add')}</h3>
      <label htmlFor={`${id}-crm`}>{t('conn.crm')}</label>
      <select id={`${id}-crm`} value={crm} onChange={(event) => pickCrm(event.target.value as ConnectableCrm)} disabled={busy}>
        {CONNECTABLE_CRMS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {CRM_CATALOG[candidate].label}
          </option>
        ))}
      </select>
      {entry.methods.length > 1 && (
        <fieldset className="methods">
          <legend>{t('conn.method')}</legend>
          {entry.methods.map((candidate) => (
            <label key={candidate} className="choice">
              <input
                type="radio"
                name={`${id}-method`}
                value={candidate}
                checked={method === candidate}
                onChange={() => setMethod(candidate)}
                disabled={busy}
              />
              {t(methodLabel(crm, candidate))}
            </label>
          ))}
        </fieldset>
      )}
      <p className="note">{t(`conn.help.${crm}.${method}` as MessageKey, { url: api.oauthRedirectUrl() ?? '' })}</p>
      {shown.map((field) => {
        const required = fields.required.includes(field);
        const name = t(fieldLabel(crm, field));
        return (
          <div key={`${crm}-${method}-${field}`} className="field">
            <label htmlFor={`${id}-${field}`}>{required ? name : t('conn.field.optional', { field: name })}</label>
            <input
              id={`${id}-${field}`}
              type={secret(field) ? 'password' : 'text'}
              autoComplete="off"
              spellCheck={false}
              required={required}
              aria-invalid={invalid === field}
              aria-describedby={invalid === field ? `${id}-${field}-error` : undefined}
              value={values[field] ?? ''}
              onChange={(event) => setValues((current) => ({ ...current, [field]: event.target.value }))}
              disabled={busy}
            />
            {invalid === field && (
              <p id={`${id}-${field}-error`} className="problem">
                {t(INVALID[field], { label })}
              </p>
            )}
          </div>
        );
      })}
      {api.testBuild && (
        <div className="field">
          <label htmlFor={`${id}-apiBase`}>{t('conn.field.apiBase')}</label>
          <input
            id={`${id}-apiBase`}
            type="text"
            autoComplete="off"
            aria-invalid={invalid === 'apiBase'}
            value={values.apiBase ?? ''}
            onChange={(event) => setValues((current) => ({ ...current, apiBase: event.target.value }))}
            disabled={busy}
          />
          {invalid === 'apiBase' && <p className="problem">{t(INVALID.apiBase)}</p>}
        </div>
      )}
      {invalid === 'method' && <p className="problem">{t(INVALID.method)}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('conn.connecting') : t('conn.connect')}
      </button>
      {outcome && (
        <div className={outcome.kind === 'ok' ? 'outcome' : 'outcome problem'} role={outcome.kind === 'ok' ? 'status' : 'alert'}>
          <p>{outcome.text}</p>
          {outcome.action && <p>{outcome.action}</p>}
        </div>
      )}
    </form>
  );
}

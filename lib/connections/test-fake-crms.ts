import { DAY_MS } from '../period/units';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as H from '../../test/contracts/hubspot';
import * as F from '../../test/contracts/salesforce';

/**
 * Small fake CRM APIs on loopback for tests of `kpi-lens sync` and of the
 * extension's connect flow: real HTTP, answers shaped like the adapters'
 * contract fixtures (test/contracts), every request recorded.
 */
export type FakeRequest = { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: unknown };
export type FakeAnswer = { status?: number; headers?: Record<string, string>; body: unknown };
export type FakeServer = { url: string; requests: FakeRequest[]; close: () => Promise<void> };

export async function startFakeServer(answer: (request: FakeRequest) => FakeAnswer): Promise<FakeServer> {
  const requests: FakeRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: kept as text
      }
      const request: FakeRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body };
      requests.push(request);
      let reply: FakeAnswer;
      try {
        reply = answer(request);
      } catch (error) {
        reply = { status: 500, body: { error: String(error) } };
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', ...reply.headers });
      res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const NEXT_OPPORTUNITIES = '/services/data/v60.0/query/01gD0000002HU6KIAW-2000';
const limit = { 'sforce-limit-info': 'api-usage=18/15000' };

/** Salesforce REST: SOQL by the object it reads (two pages of opportunities), the org, the signed-in user. */
export function fakeSalesforce(options: { token: string; failFrom?: string }): (request: FakeRequest) => FakeAnswer {
  const bySobject: Record<string, unknown[]> = {
    User: [F.USER],
    UserRole: [F.ROLE],
    OpportunityStage: [F.STAGE],
    Product2: [F.PRODUCT],
    Account: [F.ACCOUNT],
    Task: [F.TASK_CALL, F.TASK_OPEN],
    Event: [F.EVENT_DEMO],
    Lead: [F.LEAD_CONVERTED, F.LEAD_DEAD],
    ForecastingQuota: [F.QUOTA, F.QUOTA_SPLIT],
    ForecastingType: [F.FORECAST_REVENUE, F.FORECAST_SPLIT, F.FORECAST_QUANTITY],
    Period: [F.PERIOD_Q1],
  };
  return (request) => {
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return { status: 401, headers: limit, body: F.sfError('INVALID_SESSION_ID', 'Session expired or invalid') };
    if (request.path === '/services/data/v60.0/chatter/users/me') return { headers: limit, body: { id: '0055e000001AbCdAAK', name: 'Alex Rep' } };
    if (request.path === NEXT_OPPORTUNITIES) return { headers: limit, body: F.queryResult([F.OPP_OPEN], undefined, 3) };
    const soql = request.query.get('q') ?? '';
    // Deleted records (none here); queryAll without IsDeleted = true reads live and archived ones like query.
    if (request.path.endsWith('/queryAll') && soql.includes('IsDeleted = true')) return { headers: limit, body: F.queryResult([]) };
    // The object read is the outer FROM: relationship subqueries (in parentheses) come before it.
    const sobject = /\bFROM (\w+)/.exec(soql.replace(/\([^)]*\)/g, ''))?.[1] ?? '';
    if (options.failFrom === sobject)
      return {
        status: 403,
        headers: { 'sforce-limit-info': 'api-usage=15000/15000' },
        body: F.sfError('REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.'),
      };
    if (sobject === 'Organization') return { headers: limit, body: F.queryResult([{ attributes: { type: 'Organization' }, DefaultCurrencyIsoCode: 'USD' }]) };
    if (sobject === 'CurrencyType') return { status: 400, headers: limit, body: F.sfError('INVALID_TYPE', "sObject type 'CurrencyType' is not supported.") };
    if (sobject === 'Opportunity') return { headers: limit, body: F.queryResult([F.OPP_WON, F.OPP_LOST], NEXT_OPPORTUNITIES, 3) };
    // Equality filters on ids (ForecastingTypeId = '…', Id IN (…)) are honoured, as Salesforce would.
    const type = /ForecastingTypeId = '(\w+)'/.exec(soql)?.[1];
    const ids = /\bId IN \(([^)]*)\)/.exec(soql)?.[1]?.match(/\w{15,18}/g);
    const records = bySobject[sobject]?.filter(
      (record) => (!type || (record as { ForecastingTypeId?: string }).ForecastingTypeId === type) && (!ids || ids.includes((record as { Id: string }).Id)),
    );
    return records
      ? { headers: limit, body: F.queryResult(records) }
      : { status: 400, headers: limit, body: F.sfError('INVALID_TYPE', `sObject type '${sobject}' is not supported.`) };
  };
}

/** HubSpot CRM v3: account, owners, pipelines, objects (list and search), associations, line items, goals. */
export function fakeHubspot(options: { token: string }): (request: FakeRequest) => FakeAnswer {
  const objects: Record<string, unknown> = {
    companies: H.wire.list({ results: [H.COMPANY] }),
    deals: H.wire.list({ results: [H.DEAL_WON, H.DEAL_LOST, H.DEAL_OPEN] }),
    calls: H.wire.list({ results: [H.CALL] }),
    emails: H.wire.list({ results: [H.EMAIL] }),
    meetings: H.wire.list({ results: [H.MEETING] }),
    contacts: H.wire.list({ results: [H.CONTACT] }),
    goal_targets: H.wire.list({ results: [H.GOAL] }),
  };
  return (request) => {
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return { status: 401, body: { status: 'error', message: 'Authentication credentials not found.', category: 'INVALID_AUTHENTICATION' } };
    const { method, path } = request;
    if (path === '/account-info/v3/details') return { body: { portalId: 1234567, companyCurrency: 'USD', uiDomain: 'app.hubspot.com' } };
    if (path === '/crm/v3/owners') return { body: H.wire.owners({ results: request.query.get('archived') === 'true' ? [] : [H.OWNER] }) };
    if (path === '/crm/v3/pipelines/deals') return { body: H.wire.pipelines(H.PIPELINES) };
    if (method === 'POST' && path === '/crm/v4/associations/deals/line_items/batch/read')
      return { body: H.wire.associations(H.associationsOf({ 9001: ['8001', '8002'] })) };
    if (method === 'POST' && path === '/crm/v4/associations/deals/companies/batch/read')
      return { body: H.wire.associations(H.associationsOf({ 9001: ['4001'] })) };
    if (method === 'POST' && /^\/crm\/v4\/associations\/\w+\/deals\/batch\/read$/.test(path))
      return { body: H.wire.associations(H.associationsOf({ 7001: ['9003'] })) };
    if (method === 'POST' && path === '/crm/v3/objects/line_items/batch/read') return { body: H.wire.lineItems(H.LINE_ITEMS) };
    const object = /^\/crm\/v3\/objects\/(\w+)(\/search)?$/.exec(path);
    if (object && objects[object[1]!]) return { body: objects[object[1]!] };
    return { status: 404, body: { status: 'error', message: `no route ${method} ${path}`, category: 'OBJECT_NOT_FOUND' } };
  };
}

/** Close API v1: the key's user, users, a pipeline, a lead, opportunities, calls; empty emails and meetings. */
export function fakeClose(options: { apiKey: string; now?: number }): (request: FakeRequest) => FakeAnswer {
  const at = new Date(options.now ?? Date.parse('2024-03-10T12:00:00Z'));
  const day = (offset: number) => new Date(at.getTime() - offset * DAY_MS).toISOString();
  const list = (data: unknown[]) => ({ body: { data, has_more: false, total_results: data.length } });
  const me = { id: 'user_dana', first_name: 'Dana', last_name: 'Rep', email: 'dana@acme.example' };
  return (request) => {
    if (request.headers.authorization !== `Basic ${Buffer.from(`${options.apiKey}:`).toString('base64')}`)
      return { status: 401, body: { error: 'Unauthorized' } };
    switch (request.path.replace(/^\/api\/v1/, '')) {
      case '/me/':
        return { body: me };
      case '/user/':
        return list([
          { ...me, date_created: day(400), date_updated: day(30) },
          { id: 'user_max', first_name: 'Max', last_name: 'Seller', email: 'max@acme.example', date_created: day(300), date_updated: day(20) },
        ]);
      case '/pipeline/':
        return list([
          {
            id: 'pipe_1',
            name: 'Sales',
            statuses: [
              { id: 'stat_open', label: 'Demo', type: 'active' },
              { id: 'stat_won', label: 'Won', type: 'won' },
              { id: 'stat_lost', label: 'Lost', type: 'lost' },
            ],
          },
        ]);
      case '/lead/':
        return list([
          {
            id: 'lead_1',
            display_name: 'Initech',
            name: 'Initech',
            html_url: 'https://app.close.com/lead/lead_1/',
            date_created: day(90),
            date_updated: day(2),
            addresses: [],
          },
        ]);
      case '/opportunity/':
        return list([
          {
            id: 'oppo_1',
            lead_id: 'lead_1',
            lead_name: 'Initech',
            user_id: 'user_dana',
            status_id: 'stat_won',
            status_type: 'won',
            status_label: 'Won',
            pipeline_id: 'pipe_1',
            value: 1250000,
            value_currency: 'USD',
            value_period: 'one_time',
            confidence: 100,
            date_won: day(3).slice(0, 10),
            date_created: day(40),
            date_updated: day(3),
            note: '',
          },
          {
            id: 'oppo_2',
            lead_id: 'lead_1',
            lead_name: 'Initech',
            user_id: 'user_dana',
            status_id: 'stat_open',
            status_type: 'active',
            status_label: 'Demo',
            pipeline_id: 'pipe_1',
            value: 480000,
            value_currency: 'USD',
            value_period: 'one_time',
            confidence: 40,
            date_created: day(10),
            date_updated: day(1),
            note: '',
          },
        ]);
      case '/activity/call/':
        return list([
          {
            id: 'acti_call1',
            _type: 'Call',
            user_id: 'user_dana',
            lead_id: 'lead_1',
            direction: 'outbound',
            duration: 320,
            status: 'completed',
            date_created: day(1),
            date_updated: day(1),
            activity_at: day(1),
          },
        ]);
      case '/activity/email/':
      case '/activity/meeting/':
        return list([]);
      case '/event/':
        return { body: { data: [], cursor_next: null } };
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  };
}

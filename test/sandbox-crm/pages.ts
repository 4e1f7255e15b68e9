import type { Activity, CanonicalRecord, Deal, Owner } from '../../lib/model';
import type { SandboxDataset } from './api';

/** Escapes text for HTML: sandbox pages show record titles, which tests may make hostile. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Sandbox CRM</title>
<style>body{font:14px system-ui,sans-serif;margin:0;color:#222}nav{background:#233;color:#fff;padding:10px 16px;display:flex;gap:16px}
nav a{color:#fff}main{padding:16px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left}
.pager a{margin-right:8px}</style></head><body><nav><strong>Sandbox CRM</strong><a href="/deals">Deals</a><a href="/activities">Activities</a></nav>
<main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

function money(deal: Deal): string {
  return deal.amount ? `${(deal.amount.minor / 100).toFixed(2)} ${deal.amount.currency}` : '';
}

function pager(path: string, page: number, pages: number, extra: string): string {
  const link = (p: number, label: string) => `<a href="${path}?page=${p}${extra}">${label}</a>`;
  return `<p class="pager">${page > 1 ? link(page - 1, 'Previous') : ''}Page ${page} of ${pages} ${page < pages ? link(page + 1, 'Next') : ''}</p>`;
}

/** HTML pages of a CRM-like app: deal list, deal page, activity list, record pages. */
export function renderPage(dataset: SandboxDataset, url: URL): { status: number; html: string } | null {
  const owners = new Map(((dataset.owner ?? []) as Owner[]).map((owner) => [owner.externalId, owner.name]));
  const byId = (type: keyof SandboxDataset, id: string) => ((dataset[type] ?? []) as CanonicalRecord[]).find((record) => record.externalId === id);
  const rowsParam = Number(url.searchParams.get('rows') ?? 50);
  const perPage = Math.max(1, Math.min(50_000, Number.isFinite(rowsParam) ? rowsParam : 50));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const extra = url.searchParams.has('rows') ? `&rows=${perPage}` : '';
  const [, section, id] = url.pathname.split('/');

  if (section === 'deals' && !id) {
    const deals = (dataset.deal ?? []) as Deal[];
    const pages = Math.max(1, Math.ceil(deals.length / perPage));
    const rows = deals
      .slice((page - 1) * perPage, page * perPage)
      .map(
        (deal) =>
          `<tr><td><a href="/deals/${encodeURIComponent(deal.externalId)}">${escapeHtml(deal.title)}</a></td><td>${escapeHtml(owners.get(deal.ownerId) ?? deal.ownerId)}</td><td>${deal.status}</td><td>${money(deal)}</td></tr>`,
      )
      .join('');
    return {
      status: 200,
      html: layout(
        'Deals',
        `<table id="deals"><thead><tr><th>Deal</th><th>Owner</th><th>Status</th><th>Value</th></tr></thead><tbody>${rows}</tbody></table>${pager('/deals', page, pages, extra)}`,
      ),
    };
  }
  if (section === 'activities' && !id) {
    const activities = (dataset.activity ?? []) as Activity[];
    const pages = Math.max(1, Math.ceil(activities.length / perPage));
    const rows = activities
      .slice((page - 1) * perPage, page * perPage)
      .map(
        (activity) =>
          `<tr><td><a href="/activities/${encodeURIComponent(activity.externalId)}">${escapeHtml(activity.title ?? activity.type)}</a></td><td>${activity.type}</td><td>${escapeHtml(owners.get(activity.ownerId) ?? activity.ownerId)}</td><td>${new Date(activity.occurredAt).toISOString()}</td></tr>`,
      )
      .join('');
    return {
      status: 200,
      html: layout(
        'Activities',
        `<table id="activities"><thead><tr><th>Subject</th><th>Type</th><th>Owner</th><th>When</th></tr></thead><tbody>${rows}</tbody></table>${pager('/activities', page, pages, extra)}`,
      ),
    };
  }
  const types: Record<string, keyof SandboxDataset> = { deals: 'deal', activities: 'activity', leads: 'lead', customers: 'customer' };
  if (section && id && types[section]) {
    const record = byId(types[section]!, decodeURIComponent(id));
    if (!record) return { status: 404, html: layout('Not found', '<p>No such record.</p>') };
    const fields = Object.entries(record)
      .map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(typeof value === 'object' ? JSON.stringify(value) : String(value))}</td></tr>`)
      .join('');
    const title =
      'title' in record && typeof record.title === 'string'
        ? record.title
        : 'name' in record && typeof record.name === 'string'
          ? record.name
          : record.externalId;
    return { status: 200, html: layout(title, `<table class="record">${fields}</table>`) };
  }
  return null;
}

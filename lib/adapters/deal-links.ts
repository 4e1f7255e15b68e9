/**
 * Where in the CRM a rep does something to a deal: update its close date, log an activity, move it
 * on, mark it lost. Where the CRM's URL scheme has a page for the action (Salesforce Lightning opens
 * a record's edit form at `/lightning/r/<Object>/<id>/edit`, the `edit` action of a
 * `standard__recordPage`), the link goes there; everywhere else it is the deal's own page, where
 * every CRM KPI Lens reads has these actions.
 */
export type DealLinkAction = 'log-activity' | 'update-close-date' | 'advance-stage' | 'mark-lost';

const SALESFORCE_RECORD = /^(\/lightning\/r\/Opportunity\/[A-Za-z0-9]{15,18})\/view\/?$/;

/** The link of an action on a deal whose record is at `url`; undefined without a usable http(s) link. */
export function dealActionUrl(url: string | undefined, action: DealLinkAction): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const salesforce = SALESFORCE_RECORD.exec(parsed.pathname);
  // Close date, stage and "Closed Lost" are fields of the opportunity's edit form; activities are logged on its page.
  if (salesforce && action !== 'log-activity') {
    parsed.pathname = `${salesforce[1]}/edit`;
    parsed.search = '';
    parsed.hash = '';
  }
  return parsed.href;
}

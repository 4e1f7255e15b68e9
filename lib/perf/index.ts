/**
 * Performance marks `npm run bench` reads (scripts/bench/sidebar.ts) to split a wait into its parts.
 * Each is set once per document or worker: the first occurrence is the one the bench times, and the
 * timeline does not grow with every request.
 */
export const WORKER_MARKS = {
  /** The background's bundle began to run (its first module): what came before is the script's loading and compiling. */
  scriptStart: 'kpi-lens:script-start',
  /** The background's listeners are in place (its bundle evaluated): after a stop, how long the worker took to start. */
  ready: 'kpi-lens:worker-ready',
  /** A CRM page told the worker it opened. */
  pageOpened: 'kpi-lens:page-opened',
  /** A source's read from IndexedDB began (on a CRM page's open: after its connection and sync states were looked up). */
  readStarted: 'kpi-lens:read-started',
  /**
   * The parts of a source's first read (lib/db/load.ts), in the order IndexedDB answers them: each big
   * type's hot tier (with its state and sorted orders), the small tables, the deals' cold tier.
   */
  activitiesHotRead: 'kpi-lens:hot-activity',
  dealsHotRead: 'kpi-lens:hot-deal',
  leadsHotRead: 'kpi-lens:hot-lead',
  smallTablesRead: 'kpi-lens:small-tables',
  dealsColdRead: 'kpi-lens:cold-deal',
  /** A source's records read from IndexedDB. */
  dataLoaded: 'kpi-lens:data-loaded',
  /** A computation first stopped for chunks not read yet, and those chunks read (lib/columns/table.ts withColumns). */
  coldRowsAsked: 'kpi-lens:cold-rows-asked',
  coldRowsRead: 'kpi-lens:cold-rows-read',
  /** The pinned numbers computed from them. */
  pinnedComputed: 'kpi-lens:pinned-computed',
  /** The sources' statuses read (they go with the pinned numbers' answer). */
  statusesRead: 'kpi-lens:statuses-read',
  /** The pinned numbers' answer, status included, handed to the browser for the page. */
  pinnedSent: 'kpi-lens:pinned-sent',
} as const;

export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

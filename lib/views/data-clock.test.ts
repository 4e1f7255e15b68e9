import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasetPath } from '../../test/datasets';
import { importCsv } from '../import/import-csv';
import type { KpiData } from '../kpi/types';
import { localDateToInstant } from '../period/local-date';
import { DEFAULT_SETTINGS } from '../settings/schema';
import { dataEnd, knowsActivity, viewClock } from './data-clock';
import { createViewService } from './service';
import { fixtureData } from './test-fixture';

const ZONE = 'Europe/Berlin';
const calendar = { timeZone: ZONE, weekStartsOn: 1 as const, fiscalYearStartMonth: 1 };
/** Sunday 2026-12-06 03:30 UTC: "now". */
const NOW = Date.UTC(2026, 11, 6, 3, 30);
const at = (date: string) => localDateToInstant(date, ZONE)!;
const HOUR = 3_600_000;

describe("a view's clock", () => {
  const deal = (id: string, createdAt: number, closedAt?: number, extra = {}) => ({
    source: 'csv:x',
    externalId: id,
    updatedAt: NOW,
    title: id,
    ownerId: 'o',
    status: closedAt ? ('won' as const) : ('open' as const),
    createdAt,
    closedAt,
    lineItems: [],
    ...extra,
  });
  const data = (over: Partial<KpiData>): KpiData => fixtureData({ deals: [], activities: [], quotas: [], ...over });

  it('ends where the records stop telling of things done: not at plans, nor after now', () => {
    const d = data({
      deals: [deal('a', at('2017-03-01'), at('2017-12-29') + 10 * HOUR), deal('b', at('2017-11-02'), undefined, { expectedCloseAt: at('2018-02-01') })],
      activities: [{ source: 'csv:x', externalId: 'p', updatedAt: 0, ownerId: 'o', type: 'call', occurredAt: at('2018-01-15'), done: false }],
    });
    // The planned call (January 2018) and the expected close are plans; the last thing done closed on December 29.
    expect(dataEnd(d, NOW)).toBe(at('2017-12-29') + 10 * HOUR);
    expect(dataEnd(data({}), NOW)).toBeUndefined();
    // A record dated after "now" is not data yet.
    expect(dataEnd(data({ deals: [deal('f', NOW + HOUR)] }), NOW)).toBeUndefined();
  });

  it.each([
    // A file whose data ends years ago runs on the end of its last day, and says so.
    ['csv:pipeline', at('2017-12-29') + 10 * HOUR, { asOf: at('2017-12-30') - 1, dataEndsAt: at('2017-12-29') + 10 * HOUR }],
    ['table:crm.example', at('2026-12-05') + 20 * HOUR, { asOf: at('2026-12-06') - 1, dataEndsAt: at('2026-12-05') + 20 * HOUR }],
    // Data from today: now.
    ['csv:pipeline', at('2026-12-06') + HOUR, { asOf: NOW }],
    // A CRM is live: a quiet account is quiet now, not in the past.
    ['pipedrive:acme', at('2017-12-29'), { asOf: NOW }],
    ['demo', at('2017-12-29'), { asOf: NOW }],
  ])('%s with data ending %d', (source, end, clock) => {
    expect(viewClock(source, data({ deals: [deal('a', end)] }), NOW, calendar)).toEqual(clock);
  });

  it('knows activity from activities logged or from the CRM’s own last-activity dates', () => {
    expect(knowsActivity(data({ deals: [deal('a', at('2017-01-01'))] }))).toBe(false);
    expect(knowsActivity(data({ deals: [deal('a', at('2017-01-01'), undefined, { lastActivityAt: at('2017-02-01') })] }))).toBe(true);
    expect(knowsActivity(fixtureData())).toBe(true);
  });
});

describe('the maven-crm pipeline (8,800 deals of 2016–2017, no activities) imported as a file', () => {
  let records: KpiData;
  beforeAll(async () => {
    const text = readFileSync(datasetPath('maven-crm', 'sales_pipeline.csv'), 'utf8');
    const imported = await importCsv(text, { source: 'csv:sales_pipeline', timeZone: ZONE, importedAt: NOW, currency: 'USD' }); // the file names no currency: a reading names it (Maven's amounts are dollars)
    records = fixtureData({ ...imported.records, quotas: [], targets: [], teams: [] } as unknown as Partial<KpiData>);
  });

  it('opens on December 2017, the last month with data, says the data ends on December 31, and calls no deal idle', async () => {
    const views = createViewService({
      loadData: async () => records,
      loadSettings: async () => ({ ...DEFAULT_SETTINGS, timeZone: ZONE }),
      now: () => NOW,
      browserZone: () => ZONE,
      rewarmDelayMs: null,
    });
    const selection = { source: 'csv:sales_pipeline', view: 'personal', period: 'month' } as const;
    const pinned = await views.pinned(selection);
    // The file's last close date is 2017-12-31 (its latest date of any kind).
    expect(pinned.dataEndsAt).toBe(at('2017-12-31'));
    expect(pinned.noActivityData).toBe(true);
    expect(pinned.pinned?.asOf).toBe(at('2018-01-01') - 1);
    expect([pinned.pinned?.period.start, pinned.pinned?.period.end]).toEqual([at('2017-12-01'), at('2018-01-01')]);
    // December 2017 has won deals to show: the plain count from the file.
    const text = readFileSync(datasetPath('maven-crm', 'sales_pipeline.csv'), 'utf8');
    const wonInDecember = text.split('\n').filter((line) => /,Won,[^,]*,2017-12-\d\d,/.test(line)).length;
    expect(wonInDecember).toBeGreaterThan(0);
    const catalogue = await views.catalogue(selection);
    const won = catalogue.results.avgPurchaseValue;
    expect(won?.status === 'ok' && won.denominator).toBe(wonInDecember);
    // No activity in the file: no open deal is "idle for 3,000 days"; none has an expected close date either.
    const insights = await views.insights(selection);
    expect(insights.atRisk).toMatchObject({ status: 'ok', total: 0, activityUnknown: true });
  });
});

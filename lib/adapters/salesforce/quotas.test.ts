import { describe, expect, it } from 'vitest';
import * as F from '../../../test/contracts/salesforce';
import { fakeSalesforce, startFakeServer } from '../../connections/test-fake-crms';
import { salesforceAdapter } from './index';
import { chooseForecastType, periodOf, type ForecastType } from './quotas';

const type = (DeveloperName: string, IsAmount = true, IsActive = true): ForecastType => ({
  Id: `0Db5e00000000${String(DeveloperName.length).padStart(2, '0')}AAA`.slice(0, 18),
  DeveloperName,
  IsAmount,
  IsActive,
});

describe('Salesforce quotas: one forecast type, each quota over its own period', () => {
  it.each([
    // types in the org → the one whose quotas count
    [['OpportunitySplitRevenue', 'OpportunityRevenue', 'ProductFamilyRevenue'], 'OpportunityRevenue'],
    [['ProductFamilyRevenue', 'OpportunitySplitRevenue'], 'ProductFamilyRevenue'], // a revenue type before splits
    [['OpportunityOverlayRevenue', 'OpportunitySplitRevenue'], 'OpportunityOverlayRevenue'], // both rank last: by name
    [['Custom_Opportunity_Revenue'], 'Custom_Opportunity_Revenue'],
  ])('%j → %s', (names, expected) => {
    const types = names.map((name, i) => ({ ...type(name), Id: `0Db5e000000000${i}AAA` }));
    expect(types.find((t) => t.Id === chooseForecastType(types))?.DeveloperName).toBe(expected);
  });

  it('quantity and inactive types never count; none left means no filter', () => {
    expect(chooseForecastType([type('OpportunityQuantity', false), { ...type('OpportunityRevenue', true, false), Id: '0Db5e0000000009AAA' }])).toBeUndefined();
    expect(chooseForecastType([])).toBeUndefined();
  });

  it.each([
    // Period (StartDate, EndDate inclusive, Type) → quota dates (end exclusive) and kind
    [
      { StartDate: '2024-01-01', EndDate: '2024-01-31', Type: 'Month' },
      { startDate: '2024-01-01', endDate: '2024-02-01', kind: 'month' },
    ],
    [
      { StartDate: '2024-04-01', EndDate: '2024-06-30', Type: 'Quarter' },
      { startDate: '2024-04-01', endDate: '2024-07-01', kind: 'quarter' },
    ],
    [
      { StartDate: '2024-02-01', EndDate: '2024-04-30', Type: 'Quarter' },
      { startDate: '2024-02-01', endDate: '2024-05-01', kind: 'fiscal-quarter' },
    ], // fiscal year from February
    [
      { StartDate: '2024-01-01', EndDate: '2024-12-31', Type: 'Year' },
      { startDate: '2024-01-01', endDate: '2025-01-01', kind: 'year' },
    ],
    [
      { StartDate: '2023-07-01', EndDate: '2024-06-30', Type: 'Year' },
      { startDate: '2023-07-01', endDate: '2024-07-01', kind: 'fiscal-year' },
    ],
    [
      { StartDate: '2024-02-26', EndDate: '2024-03-03', Type: 'Week' },
      { startDate: '2024-02-26', endDate: '2024-03-04', kind: 'custom' },
    ],
    [
      { StartDate: '2024-02-01', EndDate: '2024-02-29', Type: 'Month' },
      { startDate: '2024-02-01', endDate: '2024-03-01', kind: 'month' },
    ], // leap day
  ])('%j → %j', (period, expected) => {
    expect(periodOf({ Id: '0265e000000PeRiAAA', ...period })).toEqual(expected);
  });

  it('reads the org’s forecast types once, asks only for the revenue type’s quotas, and dates each by its Period', async () => {
    const server = await startFakeServer(fakeSalesforce({ token: 't' }));
    try {
      const ctx = { ...F.sfContext((input, init) => fetch(input, init), { baseUrl: server.url }), auth: { kind: 'bearer' as const, token: 't' } };
      const page = await salesforceAdapter.fetchPage(ctx, 'quotas', null, null);
      const soql = server.requests.map((request) => request.query.get('q') ?? '');
      expect(soql[0]).toBe('SELECT Id, DeveloperName, IsAmount, IsActive FROM ForecastingType');
      expect(soql[1]).toContain("FROM ForecastingQuota WHERE ForecastingTypeId = '0Db5e0000000001AAA' ORDER BY");
      expect(soql[2]).toBe("SELECT Id, StartDate, EndDate, Type FROM Period WHERE Id IN ('0265e000000PeRiAAA')");
      // the split quota of the same rep and quarter is not read: 150,000 once, not twice
      expect(page.records.quota).toEqual([
        {
          source: 'salesforce:acme',
          externalId: '0J95e000000QuOtAAA',
          updatedAt: Date.parse('2023-12-20T00:00:00Z'),
          ownerId: '0055e000001AbCdAAK',
          periodKind: 'quarter',
          startDate: '2024-01-01',
          endDate: '2024-04-01',
          amount: { minor: 15_000_000, currency: 'USD' },
        },
      ]);
      expect(JSON.parse(page.nextCursor ?? 'null')).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('an org that hides forecast types and periods still gives its quotas, over the org’s forecast period', async () => {
    const calls: F.SfCall[] = [];
    const fetch = F.sfFetch((_url, soql) => {
      if (soql?.includes('FROM ForecastingType') || soql?.includes('FROM Period')) return F.limitResponse(F.sfError('INVALID_TYPE', 'not supported'), 400);
      return F.limitResponse(F.queryResult([F.QUOTA, F.QUOTA_SPLIT]));
    }, calls);
    const page = await salesforceAdapter.fetchPage(F.sfContext(fetch, { forecastPeriod: 'quarter' }), 'quotas', null, null);
    expect(calls[1]?.url.searchParams.get('q')).not.toContain('ForecastingTypeId =');
    expect(page.records.quota?.map((q) => [q.externalId, q.periodKind, q.endDate])).toEqual([
      ['0J95e000000QuOtAAA', 'quarter', '2024-04-01'],
      ['0J95e000000QuOuAAA', 'quarter', '2024-04-01'],
    ]);
  });
});

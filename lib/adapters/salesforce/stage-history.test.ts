import { describe, expect, it } from 'vitest';
import * as F from '../../../test/contracts/salesforce';
import { memorySyncStore } from '../../sync/memory-store';
import { runSync } from '../../sync/runner';
import { fakeClock } from '../../sync/test-support';
import { stageAt } from '../test-stage-at';
import { salesforceAdapter } from './index';
import { opportunityVisits } from './stage-history';

/**
 * Stage history from OpportunityHistory. Salesforce publishes no machine-readable spec; the facts:
 * - Object Reference, "OpportunityHistory": "Represents the stage history of an opportunity"; fields
 *   OpportunityId, StageName (picklist), CreatedDate (datetime), SystemModstamp; supports query(). "This
 *   object represents the history of a change to the Amount, Probability, Stage or Close Date": a row is
 *   not always a move.
 * - SOQL and SOSL Reference, "Relationship Queries": a parent-to-child subquery names the child
 *   relationship (Opportunity → OpportunityHistory: `OpportunityHistories`) and may ORDER BY and LIMIT.
 * - REST API Developer Guide, "Query": a child subquery arrives on each record as a nested query result
 *   `{ totalSize, done, records: [{ attributes: { type, url }, ...fields }] }`, or null when empty.
 */
const ms = (iso: string) => Date.parse(iso);
const row = (StageName: unknown, CreatedDate: unknown) => ({
  attributes: { type: 'OpportunityHistory', url: '/services/data/v60.0/sobjects/OpportunityHistory/0085e000000HiStAAA' },
  StageName,
  CreatedDate,
});
const nested = (records: unknown[]) => ({ totalSize: records.length, done: true, records });

/** Qualification (1 Feb) → Proposal/Price Quote (10 Feb, then an amount change on the 12th) → Closed Won (20 Feb), newest first as asked. */
const MOVED = F.sobject('Opportunity', '0065e00000MoVeDAAV', {
  Name: 'Umbrella renewal',
  OwnerId: '0055e000001AbCdAAK',
  AccountId: null,
  StageName: 'Closed Won',
  Amount: 5000,
  Probability: 100,
  CloseDate: '2024-02-20',
  CreatedDate: '2024-02-01T09:00:00.000+0000',
  IsClosed: true,
  IsWon: true,
  LeadSource: null,
  SystemModstamp: '2024-02-20T15:00:01.000+0000',
  OpportunityLineItems: null,
  OpportunityHistories: nested([
    row('Closed Won', '2024-02-20T15:00:00.000+0000'),
    row('Proposal/Price Quote', '2024-02-12T11:00:00.000+0000'),
    row('Proposal/Price Quote', '2024-02-10T09:00:00.000+0000'),
    row('Qualification', '2024-02-01T09:00:00.000+0000'),
  ]),
});
const stage = (id: string, ApiName: string, SortOrder: number, DefaultProbability: number, IsClosed: boolean, IsWon: boolean) =>
  F.sobject('OpportunityStage', id, {
    ApiName,
    MasterLabel: ApiName,
    SortOrder,
    DefaultProbability,
    IsActive: true,
    IsClosed,
    IsWon,
    SystemModstamp: '2022-05-05T05:05:05.000+0000',
  });
const STAGES = [
  stage('01J5e000000StGaAAA', 'Qualification', 2, 10, false, false),
  stage('01J5e000000StGbAAA', 'Proposal/Price Quote', 6, 75, false, false),
  stage('01J5e000000StGcAAA', 'Closed Won', 9, 100, true, true),
];

describe('Salesforce stage history: the query (SOQL reference, REST query result shape)', () => {
  it('reads OpportunityHistory with each opportunity: a child subquery of StageName and CreatedDate, newest first, at most 1,000 rows', async () => {
    const calls: F.SfCall[] = [];
    const fetch = F.sfFetch(() => F.limitResponse(F.queryResult([MOVED])), calls);
    const page = await salesforceAdapter.fetchPage(F.sfContext(fetch), 'opportunities', null, ms('2024-02-01T00:00:00Z'));
    expect(calls).toHaveLength(1); // no request of its own
    expect(calls[0]?.url.searchParams.get('q')).toContain(
      '(SELECT StageName, CreatedDate FROM OpportunityHistories ORDER BY CreatedDate DESC LIMIT 1000) FROM Opportunity WHERE SystemModstamp >=',
    );
    expect(page.records.deal?.[0]?.stageHistory).toEqual([
      { stageId: 'Qualification', enteredAt: ms('2024-02-01T09:00:00Z') },
      { stageId: 'Proposal/Price Quote', enteredAt: ms('2024-02-10T09:00:00Z') }, // the amount change of the 12th is not a move
      { stageId: 'Closed Won', enteredAt: ms('2024-02-20T15:00:00Z') },
    ]);
  });

  it('skips a malformed row with one counted note per page; the opportunity and the rest of its history stay', async () => {
    const broken = {
      ...MOVED,
      OpportunityHistories: nested([
        row('Closed Won', '2024-02-20T15:00:00.000+0000'),
        row(null, '2024-02-10T09:00:00.000+0000'),
        row('Qualification', 'yesterday'),
      ]),
    };
    const page = await salesforceAdapter.fetchPage(F.sfContext(F.sfFetch(() => F.limitResponse(F.queryResult([broken])))), 'opportunities', null, null);
    expect(page.records.deal?.[0]?.stageHistory).toEqual([{ stageId: 'Closed Won', enteredAt: ms('2024-02-20T15:00:00Z') }]);
    expect(page.rejects).toEqual([
      expect.objectContaining({ recordType: 'unknown', reason: expect.stringContaining('2 Salesforce stage history entries could not be read') }),
    ]);
  });
});

describe('OpportunityHistory rows → stage visits', () => {
  const UPDATED = ms('2024-03-01T00:00:00Z');
  it.each([
    [
      'moves only, in time order',
      'C',
      [
        ['B', '2024-01-05'],
        ['A', '2024-01-01'],
        ['C', '2024-01-09'],
      ],
      [
        ['A', '2024-01-01'],
        ['B', '2024-01-05'],
        ['C', '2024-01-09'],
      ],
    ],
    [
      'rows repeating the stage (amount, close date changes) are not moves',
      'B',
      [
        ['A', '2024-01-01'],
        ['A', '2024-01-02'],
        ['B', '2024-01-03'],
        ['B', '2024-01-04'],
      ],
      [
        ['A', '2024-01-01'],
        ['B', '2024-01-03'],
      ],
    ],
    [
      'back to an earlier stage is a move of its own',
      'A',
      [
        ['A', '2024-01-01'],
        ['B', '2024-01-03'],
        ['A', '2024-01-07'],
      ],
      [
        ['A', '2024-01-01'],
        ['B', '2024-01-03'],
        ['A', '2024-01-07'],
      ],
    ],
    [
      'the current stage missing from the rows: entered by the last change (SystemModstamp)',
      'C',
      [['A', '2024-01-01']],
      [
        ['A', '2024-01-01'],
        ['C', '2024-03-01'],
      ],
    ],
    ['no rows: no history', 'A', [], undefined],
  ])('%s', (_name, current, rows, expected) => {
    const history = nested((rows as string[][]).map(([s, d]) => row(s, `${d}T00:00:00.000+0000`)));
    const out = opportunityVisits(history, { stageId: current as string, updatedAt: UPDATED });
    expect(out.visits).toEqual((expected as string[][] | undefined)?.map(([stageId, d]) => ({ stageId, enteredAt: ms(`${d}T00:00:00Z`) })));
    expect(out.unreadable).toEqual([]);
  });

  it('keeps the latest 1,000 visits of a longer history', () => {
    const rows = Array.from({ length: 1200 }, (_, i) => row(i % 2 ? 'A' : 'B', new Date(ms('2020-01-01T00:00:00Z') + i * 3_600_000).toISOString()));
    const out = opportunityVisits(nested(rows), { stageId: 'A', updatedAt: UPDATED });
    // 1,200 alternating moves, the last (i = 1199, odd) into A; the cap keeps rows 200…1199
    expect(out.visits).toHaveLength(1000);
    expect(out.visits?.[0]?.enteredAt).toBe(ms('2020-01-01T00:00:00Z') + 200 * 3_600_000);
    expect(out.visits?.at(-1)?.stageId).toBe('A');
  });
});

describe('Salesforce stage history through the sync engine and the KPI engine', () => {
  it('an opportunity that moved Qualification → Proposal → Closed Won is, as of an instant between the moves, in the stage it was in then', async () => {
    const fetch = F.sfFetch((_url, soql) => {
      if (soql?.includes('FROM OpportunityStage')) return F.limitResponse(F.queryResult(STAGES));
      if (soql?.includes('FROM Opportunity ')) return F.limitResponse(F.queryResult([MOVED]));
      if (soql?.includes('FROM User ')) return F.limitResponse(F.queryResult([F.USER]));
      return F.limitResponse(F.queryResult([]));
    });
    const ctx = F.sfContext(fetch);
    const clock = fakeClock();
    const store = memorySyncStore();
    expect(await runSync({ source: ctx.source, adapter: salesforceAdapter, ctx, store, env: clock.env }, { sleep: clock.sleep })).toMatchObject({
      status: 'done',
    });
    const batch = store.snapshot();

    expect(stageAt(batch, ms('2024-02-05T12:00:00Z'), MOVED.Id as string)).toEqual({
      byStage: [['Qualification', 1]],
      unknownStages: undefined,
      deal: { stageId: 'Qualification', known: true },
    });
    // 15 Feb: in Proposal since the 10th (won on the 20th, so open then); the engine notes no unknown stage
    expect(stageAt(batch, ms('2024-02-15T12:00:00Z'), MOVED.Id as string)).toEqual({
      byStage: [['Proposal/Price Quote', 1]],
      unknownStages: undefined,
      deal: { stageId: 'Proposal/Price Quote', known: true },
    });
  });
});

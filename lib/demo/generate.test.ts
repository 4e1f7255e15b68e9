import { describe, expect, it } from 'vitest';
import { generateDemoData } from './generate';
import { AS_OF, demo, groupCount, SEED } from './test-support';

describe('generateDemoData: determinism', () => {
  it('gives identical JSON for the same seed and asOf, and different data for another seed', () => {
    const a = demo();
    const again = generateDemoData({ seed: SEED, asOf: AS_OF });
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    const other = generateDemoData({ seed: SEED + 1, asOf: AS_OF });
    expect(other.seed).toBe(SEED + 1);
    expect(JSON.stringify(other.deals)).not.toBe(JSON.stringify(a.deals));
    expect(JSON.stringify(other.activities)).not.toBe(JSON.stringify(a.activities));
  });

  it('generates scale 1 well under a few seconds (about 0.5 s warm on an idle 2-core machine)', () => {
    generateDemoData({ seed: 1, asOf: AS_OF, scale: 0.25 }); // warm the JIT
    const started = performance.now();
    const data = generateDemoData({ seed: 2, asOf: AS_OF });
    const elapsed = performance.now() - started;
    console.info(`demo data, scale 1: ${data.deals.length} deals, ${data.activities.length} activities in ${elapsed.toFixed(0)} ms`);
    // A generous ceiling: catches an accidental quadratic loop, not a busy CI machine.
    expect(elapsed).toBeLessThan(8000);
  });

  it('echoes seed and asOf, and defaults the seed', () => {
    const data = demo();
    expect([data.seed, data.asOf]).toEqual([SEED, AS_OF]);
    expect(generateDemoData({ asOf: AS_OF, scale: 0.05 }).seed).toBe(1);
  });
});

describe('generateDemoData: options', () => {
  it.each([
    [{ asOf: Number.NaN }, /asOf/],
    [{ asOf: 1.5 }, /asOf/],
    [{ asOf: AS_OF, seed: 0.5 }, /seed/],
    [{ asOf: AS_OF, scale: 0 }, /scale/],
    [{ asOf: AS_OF, timeZone: 'Mars/Olympus' }, /time zone/],
    [{ asOf: AS_OF, urlBase: 'javascript:alert(1)' }, /urlBase/],
    [{ asOf: AS_OF, source: ' ' }, /source/],
  ])('rejects %o with a clear message', (options, message) => {
    expect(() => generateDemoData(options)).toThrow(message);
  });

  it('labels records with the source and links them under urlBase', () => {
    const data = demo({ scale: 0.05, source: 'demo:sandbox', urlBase: 'https://crm.example.test/' });
    const deal = data.deals[0];
    expect(deal?.source).toBe('demo:sandbox');
    expect(deal?.url).toBe(`https://crm.example.test/deals/${deal?.externalId}`);
    expect(data.activities[0]?.url).toMatch(/^https:\/\/crm\.example\.test\/activities\/activity-1$/);
    expect(data.leads[0]?.url).toMatch(/^https:\/\/crm\.example\.test\/leads\/lead-1$/);
    expect(data.customers[0]?.url).toMatch(/^https:\/\/crm\.example\.test\/customers\/customer-1$/);
  });

  it('links to the sandbox CRM by default', () => {
    expect(demo().deals[0]?.url).toMatch(/^http:\/\/localhost:5179\/deals\/deal-\d+$/);
    expect(demo().deals[0]?.source).toBe('demo');
  });

  it('scales volumes with `scale`', () => {
    const full = demo();
    const quarter = demo({ scale: 0.25 });
    const ratio = (a: number, b: number) => a / b;
    // Leads are exactly 3,000 × scale; deals and activities follow within sampling noise.
    expect(quarter.leads.length).toBe(750);
    expect(ratio(quarter.deals.length, full.deals.length)).toBeGreaterThan(0.2);
    expect(ratio(quarter.deals.length, full.deals.length)).toBeLessThan(0.3);
    expect(ratio(quarter.activities.length, full.activities.length)).toBeGreaterThan(0.2);
    expect(ratio(quarter.activities.length, full.activities.length)).toBeLessThan(0.32);
  });
});

describe('generateDemoData: volumes and content at scale 1', () => {
  const data = demo();

  it('has the stated volumes', () => {
    expect(data.deals.length).toBeGreaterThanOrEqual(1800);
    expect(data.deals.length).toBeLessThanOrEqual(2300);
    expect(data.activities.length).toBeGreaterThanOrEqual(27_000);
    expect(data.activities.length).toBeLessThanOrEqual(33_000);
    expect(data.leads.length).toBe(3000);
    expect(data.customers.length).toBeGreaterThanOrEqual(250);
    expect(data.products.length).toBe(8);
  });

  it('has two teams of at least four reps and a lead each, and a signed-in rep', () => {
    expect(data.teams.map((team) => team.name)).toEqual(['New Business', 'Expansion']);
    for (const team of data.teams) {
      const members = data.owners.filter((owner) => owner.teamId === team.externalId);
      expect(members.filter((owner) => owner.role === 'rep').length).toBeGreaterThanOrEqual(4);
      expect(members.filter((owner) => owner.role === 'lead').map((owner) => owner.externalId)).toEqual([team.leadId]);
    }
    expect(data.owners.length).toBeGreaterThanOrEqual(10);
    const current = data.owners.find((owner) => owner.externalId === data.currentOwnerId);
    const lead = data.owners.find((owner) => owner.externalId === data.teamLeadOwnerId);
    expect(current?.role).toBe('rep');
    expect(lead?.role).toBe('lead');
    expect(lead?.teamId).toBe(current?.teamId);
    // A mix of English and Russian (Cyrillic) names.
    expect(data.owners.some((owner) => /[А-Яа-я]/.test(owner.name))).toBe(true);
    expect(data.owners.some((owner) => /^[A-Za-z ]+$/.test(owner.name))).toBe(true);
  });

  it('has two pipelines of 5–6 stages with rising probabilities', () => {
    expect(data.pipelines).toHaveLength(2);
    for (const pipeline of data.pipelines) {
      const stages = data.stages.filter((stage) => stage.pipelineId === pipeline.externalId).sort((a, b) => a.order - b.order);
      expect(stages.length).toBeGreaterThanOrEqual(5);
      expect(stages.length).toBeLessThanOrEqual(6);
      const probabilities = stages.map((stage) => stage.probability);
      expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
    }
  });

  it('prices deals mostly in USD, with EUR (CRM-converted) and RUB (needs a rate)', () => {
    const byCurrency = groupCount(
      data.deals.filter((deal) => deal.amount),
      (deal) => deal.amount?.currency ?? '',
    );
    const total = Object.values(byCurrency).reduce((sum, n) => sum + n, 0);
    expect((byCurrency.USD ?? 0) / total).toBeGreaterThan(0.5);
    expect((byCurrency.EUR ?? 0) / total).toBeGreaterThan(0.1);
    expect((byCurrency.RUB ?? 0) / total).toBeGreaterThan(0.05);
    for (const deal of data.deals) {
      if (deal.amount?.currency === 'EUR') expect(deal.convertedAmount?.currency).toBe('USD');
      if (deal.amount?.currency !== 'EUR') expect(deal.convertedAmount).toBeUndefined();
    }
  });

  it('makes each amount the sum of its lines, all in the deal currency, with unit costs', () => {
    for (const deal of data.deals) {
      if (deal.lineItems.length === 0) continue;
      const sum = deal.lineItems.reduce((total, line) => total + line.quantity * line.unitPrice.minor, 0);
      expect(deal.amount?.minor).toBe(sum);
      for (const line of deal.lineItems) {
        expect(line.unitPrice.currency).toBe(deal.amount?.currency);
        expect(line.unitCost?.currency).toBe(deal.amount?.currency);
      }
    }
  });

  it('spreads won deals over regions, channels and products', () => {
    const won = data.deals.filter((deal) => deal.status === 'won');
    expect(Object.keys(groupCount(won, (deal) => deal.region ?? '')).sort()).toEqual(['APAC', 'EMEA', 'LATAM', 'North America', 'Russia & CIS']);
    expect(Object.keys(groupCount(won, (deal) => deal.channel ?? '')).sort()).toEqual(['call', 'email', 'event', 'inbound', 'other', 'referral', 'social']);
    expect(new Set(won.flatMap((deal) => deal.lineItems.map((line) => line.productId))).size).toBe(8);
    expect(won.every((deal) => deal.channelRaw)).toBe(true);
    // Custom projects carry a direct cost instead of lines.
    expect(won.some((deal) => deal.lineItems.length === 0 && deal.directCost)).toBe(true);
  });

  it('varies rep performance: New Business win rates differ by rep', () => {
    const reps = data.owners.filter((owner) => owner.teamId === 'team-nb' && owner.role === 'rep');
    const winRates = reps.map((rep) => {
      const closed = data.deals.filter((deal) => deal.ownerId === rep.externalId && deal.status !== 'open');
      return closed.filter((deal) => deal.status === 'won').length / closed.length;
    });
    // The spread in quota attainment (the leaderboard's story) is tested through lib/kpi in team.test.ts.
    expect(Math.max(...winRates) - Math.min(...winRates)).toBeGreaterThan(0.02);
    expect(Math.min(...winRates)).toBeGreaterThan(0.08);
    expect(Math.max(...winRates)).toBeLessThan(0.45);
  });

  it('has lost reasons on lost deals, and MRR on subscription deals', () => {
    for (const deal of data.deals) {
      if (deal.status === 'lost') expect(deal.lostReason).toBeTruthy();
      else expect(deal.lostReason).toBeUndefined();
      const recurring = deal.lineItems.some((line) => /seat|support/i.test(line.name));
      if (recurring) expect(deal.mrr?.minor).toBeGreaterThan(0);
    }
  });

  it('sets activity targets in round numbers: a company default, account managers and leads their own, demos for New Business only', () => {
    const defaults = data.targets.filter((target) => target.ownerId === undefined);
    expect(defaults.map((t) => t.metric)).toEqual(['calls', 'emails', 'meetings']);
    // Daily where the figure is five or more, weekly below that (and always for meetings and demos).
    for (const target of data.targets) {
      if (target.per === 'day') expect(target.value).toBeGreaterThanOrEqual(5);
      else expect(target.per).toBe('week');
    }
    expect(data.targets.every((target) => Number.isInteger(target.value) && target.value >= 1 && target.updatedAt <= AS_OF)).toBe(true);
    const own = (ownerId: string, metric: string) => data.targets.find((target) => target.ownerId === ownerId && target.metric === metric)?.value;
    for (const owner of data.owners) {
      const nb = owner.teamId === 'team-nb';
      expect(own(owner.externalId, 'demos') !== undefined, `${owner.name} demos`).toBe(nb);
      if (!nb) for (const metric of ['calls', 'emails', 'meetings']) expect(own(owner.externalId, metric), `${owner.name} ${metric}`).toBeDefined();
    }
    // A lead's target is half the team's (rounded, and per week when that is under five a day).
    const nbLead = data.owners.find((owner) => owner.teamId === 'team-nb' && owner.role === 'lead');
    const perWeek = (target: { value: number; per: string } | undefined) => (target ? target.value * (target.per === 'day' ? 5 : 1) : NaN);
    const teamCalls = perWeek(defaults.find((target) => target.metric === 'calls'));
    const leadCalls = perWeek(data.targets.find((target) => target.ownerId === nbLead?.externalId && target.metric === 'calls'));
    expect(Math.abs(leadCalls - teamCalls / 2)).toBeLessThanOrEqual(5);
  });
});

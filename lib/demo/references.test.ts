import { describe, expect, it } from 'vitest';
import type { MrrMovement } from '../model';
import { demo } from './test-support';

describe('references resolve', () => {
  const data = demo();
  const ids = <T extends { externalId: string }>(records: readonly T[]) => new Set(records.map((record) => record.externalId));
  const owners = ids(data.owners);
  const teams = ids(data.teams);
  const customers = ids(data.customers);
  const deals = ids(data.deals);
  const leads = ids(data.leads);
  const products = ids(data.products);
  const stagePipeline = new Map(data.stages.map((stage) => [stage.externalId, stage.pipelineId]));

  it('deal → owner, pipeline, stage of that pipeline, customer, products', () => {
    for (const deal of data.deals) {
      expect(owners.has(deal.ownerId)).toBe(true);
      expect(stagePipeline.get(deal.stageId ?? '')).toBe(deal.pipelineId);
      for (const visit of deal.stageHistory ?? []) expect(stagePipeline.get(visit.stageId)).toBe(deal.pipelineId);
      if (deal.customerId !== undefined) expect(customers.has(deal.customerId)).toBe(true);
      for (const line of deal.lineItems) expect(products.has(line.productId ?? '')).toBe(true);
    }
  });

  it('activity → owner and, where set, deal, lead, customer; most activities are on a deal', () => {
    const broken = data.activities.filter(
      (activity) =>
        !owners.has(activity.ownerId) ||
        (activity.dealId !== undefined && !deals.has(activity.dealId)) ||
        (activity.leadId !== undefined && !leads.has(activity.leadId)) ||
        (activity.customerId !== undefined && !customers.has(activity.customerId)),
    );
    expect(broken).toEqual([]);
    const onDeal = data.activities.filter((activity) => activity.dealId !== undefined).length;
    expect(onDeal / data.activities.length).toBeGreaterThan(0.6);
  });

  it('lead → owner, converted deal created at the conversion, customer', () => {
    const dealById = new Map(data.deals.map((deal) => [deal.externalId, deal]));
    for (const lead of data.leads) {
      if (lead.ownerId !== undefined) expect(owners.has(lead.ownerId)).toBe(true);
      if (lead.convertedDealId !== undefined) {
        const deal = dealById.get(lead.convertedDealId);
        expect(deal?.createdAt).toBe(lead.convertedAt);
        expect(deal?.firstContactAt).toBe(lead.createdAt);
        expect(deal?.channel).toBe(lead.channel);
      }
      if (lead.convertedCustomerId !== undefined) expect(customers.has(lead.convertedCustomerId)).toBe(true);
    }
  });

  it('owner → team, team → lead, quota → rep or team, target → rep, movement → customer', () => {
    for (const owner of data.owners) expect(teams.has(owner.teamId ?? '')).toBe(true);
    for (const team of data.teams) expect(owners.has(team.leadId ?? '')).toBe(true);
    for (const quota of data.quotas) expect(quota.ownerId ? owners.has(quota.ownerId) : teams.has(quota.teamId ?? '')).toBe(true);
    for (const target of data.targets) if (target.ownerId) expect(owners.has(target.ownerId)).toBe(true);
    for (const movement of data.mrrMovements) expect(customers.has(movement.customerId)).toBe(true);
  });
});

describe('customers follow from won deals and their MRR history adds up', () => {
  const data = demo();
  const movements = new Map<string, MrrMovement[]>();
  for (const movement of data.mrrMovements) movements.set(movement.customerId, [...(movements.get(movement.customerId) ?? []), movement]);

  it('acquires each customer at its first won deal', () => {
    for (const customer of data.customers) {
      const wins = data.deals.filter((deal) => deal.customerId === customer.externalId && deal.status === 'won');
      expect(wins.length).toBeGreaterThan(0);
      expect(customer.acquiredAt).toBe(Math.min(...wins.map((deal) => deal.closedAt ?? Infinity)));
      expect(customer.region).toBeTruthy();
      expect(customer.country).toBeTruthy();
    }
  });

  it('replays each customer: new first, never below zero, zero after churn, churnedAt = last churn', () => {
    const sign = { new: 1, expansion: 1, reactivation: 1, contraction: -1, churn: -1 } as const;
    for (const customer of data.customers) {
      const history = [...(movements.get(customer.externalId) ?? [])].sort((a, b) => a.at - b.at);
      expect(history[0]?.kind).toBe('new');
      expect(history[0]?.at).toBe(customer.acquiredAt);
      let mrr = 0;
      let churned = false;
      for (const movement of history) {
        if (movement.kind === 'reactivation') expect(churned).toBe(true);
        else if (movement.kind !== 'new') expect(churned).toBe(false);
        mrr += sign[movement.kind] * movement.amount.minor;
        expect(mrr).toBeGreaterThanOrEqual(0);
        churned = movement.kind === 'churn';
        if (churned) expect(mrr).toBe(0);
        else expect(mrr).toBeGreaterThan(0);
      }
      const last = history[history.length - 1];
      if (customer.churnedAt !== undefined) {
        expect(last?.kind).toBe('churn');
        expect(last?.at).toBe(customer.churnedAt);
        expect(customer.churnReason).toBeDefined();
      } else {
        expect(last?.kind).not.toBe('churn');
        expect(customer.churnReason).toBeUndefined();
      }
    }
  });

  it('has every kind of movement and some passive (non-payment) churn', () => {
    const kinds = new Set(data.mrrMovements.map((movement) => movement.kind));
    expect([...kinds].sort()).toEqual(['churn', 'contraction', 'expansion', 'new', 'reactivation']);
    expect(data.customers.some((customer) => customer.churnReason === 'non-payment')).toBe(true);
    const churned = data.customers.filter((customer) => customer.churnedAt !== undefined).length;
    expect(churned / data.customers.length).toBeGreaterThan(0.05);
    expect(churned / data.customers.length).toBeLessThan(0.4);
  });

  it('books new MRR equal to the winning deal’s MRR, in its currency', () => {
    for (const customer of data.customers) {
      const first = (movements.get(customer.externalId) ?? []).find((movement) => movement.kind === 'new');
      const win = data.deals.find((deal) => deal.customerId === customer.externalId && deal.closedAt === customer.acquiredAt && deal.status === 'won');
      expect(first?.amount).toEqual(win?.mrr);
    }
  });
});

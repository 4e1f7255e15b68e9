import { describe, expect, it } from 'vitest';
import { mapItems } from '../map';
import { callNoteItem, companyItem, contactItem, KOMMO_APP, lead, pipelinesResponse, taskItem, userResponse } from './test-fixtures';
import { mapCallNote, mapTask } from './map-activities';
import { mapDeletedLead, mapLead } from './map-deals';
import { mapParty, mapPipeline, mapUser, positionalProbability } from './map-people';

const ctx = { source: 'kommo:stroytorg.amocrm.ru', appUrl: KOMMO_APP, currency: 'RUB' };

function dealOf(raw: unknown) {
  const outcome = mapLead(raw, ctx);
  if (!('mapped' in outcome)) throw new Error('expected a mapped lead');
  return mapItems([raw], () => outcome.mapped);
}

describe('mapLead', () => {
  it('maps a won lead: status 142, rubles to kopecks, seconds to ms, the company as customer', () => {
    const { records, rejects } = dealOf(lead());
    expect(rejects).toEqual([]);
    expect(records.deal?.[0]).toMatchObject({
      externalId: '19619',
      title: 'Поставка оборудования',
      status: 'won',
      ownerId: '3276403',
      pipelineId: '3177727',
      stageId: '3177727:142',
      amount: { minor: 125_000_000, currency: 'RUB' }, // 1 250 000 ₽ × 100 kopecks
      createdAt: 1_704_096_000_000, // 1704096000 s × 1000
      closedAt: 1_706_702_400_000, // 1706702400 s × 1000
      updatedAt: 1_706_788_800_000,
      customerId: 'company:10971463',
      url: 'https://stroytorg.amocrm.ru/leads/detail/19619',
    });
  });

  it.each([
    // price (whole units, fraction cut off), price_with_minor_units → amount in kopecks
    [{ price: 100, price_with_minor_units: 100.5 }, 10_050], // 100.50 ₽, not the truncated 100 ₽
    [{ price: 0, price_with_minor_units: 0.1 }, 10], // 0.10 ₽: price alone would say nothing was sold
    [{ price: 99_999_999, price_with_minor_units: 99_999_999.99 }, 9_999_999_999], // never rounded up to 100 000 000
    [{ price: 1_250_000 }, 125_000_000], // accounts that do not send it: price as before
    [{ price: 1_250_000, price_with_minor_units: null }, 125_000_000],
  ])('prefers price_with_minor_units over the whole-unit price: %j → %i kopecks', (prices, minor) => {
    expect(dealOf(lead(prices)).records.deal?.[0]?.amount).toEqual({ minor, currency: 'RUB' });
  });

  it('reads a formatted ruble string with kopecks', () => {
    const { records } = dealOf(lead({ price: '1 250 000,50' }));
    expect(records.deal?.[0]?.amount).toEqual({ minor: 125_000_050, currency: 'RUB' }); // 1 250 000,50 ₽ = 125 000 050 kopecks
  });

  it('takes lost from status 143 with the loss reason, and open from any other status', () => {
    const lost = dealOf(lead({ status_id: 143, _embedded: { loss_reason: [{ id: 7, name: 'Дорого' }] } })).records.deal?.[0];
    expect(lost).toMatchObject({ status: 'lost', lostReason: 'Дорого', closedAt: 1_706_702_400_000, stageId: '3177727:143' });
    expect(lost?.customerId).toBeUndefined();
    const open = dealOf(lead({ status_id: 32392162, closed_at: null, name: 'Успешно реализовано?' })).records.deal?.[0];
    expect(open).toMatchObject({ status: 'open', stageId: '3177727:32392162' });
    expect(open?.closedAt).toBeUndefined();
  });

  it('falls back to the main contact for B2C deals', () => {
    const raw = lead({
      _embedded: {
        contacts: [
          { id: 5, is_main: false },
          { id: 6, is_main: true },
        ],
      },
    });
    expect(dealOf(raw).records.deal?.[0]?.customerId).toBe('contact:6');
  });

  it('rejects a lead without a responsible user or with an unreadable price, and reports deleted ones', () => {
    expect(dealOf(lead({ responsible_user_id: 0 })).rejects[0]?.reason).toMatch(/responsible user/);
    expect(dealOf(lead({ price: 'много' })).rejects[0]?.reason).toMatch(/price много/);
    expect(mapLead(lead({ price: 10 }), { ...ctx, currency: undefined })).toMatchObject({ mapped: { reject: expect.stringMatching(/currency/) } });
    expect(mapLead(lead({ is_deleted: true }), ctx)).toEqual({ deleted: '19619' });
    expect(dealOf({ id: 'x' }).rejects[0]?.reason).toMatch(/^not an amoCRM lead as documented/);
  });
});

describe('pipelines, users and customers', () => {
  it('turns statuses into stages with 142/143 fixed and open stages spread by position', () => {
    const { records, rejects } = mapItems(pipelinesResponse._embedded.pipelines, (raw) => mapPipeline(raw, ctx, 0));
    expect(rejects).toEqual([]);
    expect(records.pipeline?.[0]).toMatchObject({ externalId: '3177727', name: 'Основная воронка', order: 1 });
    // Three open stages → 100·1/4, 100·2/4, 100·3/4.
    expect(records.stage?.map((s) => [s.externalId, s.name, s.probability])).toEqual([
      ['3177727:32392156', 'Неразобранное', 25],
      ['3177727:32392159', 'Первичный контакт', 50],
      ['3177727:32392162', 'Переговоры', 75],
      ['3177727:142', 'Успешно реализовано', 100],
      ['3177727:143', 'Закрыто и не реализовано', 0],
    ]);
    expect(positionalProbability(0, 1)).toBe(50); // the only open stage: 100·1/2
  });

  it('maps users with their group as team and admin rights as role', () => {
    const { records } = mapItems([userResponse, { ...userResponse, id: 2, name: '', rights: { is_admin: true, is_active: false } }], (raw) =>
      mapUser(raw, ctx, 0),
    );
    expect(records.owner?.[0]).toMatchObject({ externalId: '3276403', name: 'Иван Петров', teamId: '357154', role: 'rep', active: true });
    expect(records.owner?.[1]).toMatchObject({ externalId: '2', name: 'ivan.petrov@stroytorg.ru', role: 'admin', active: false });
  });

  it('keeps companies and contacts apart in customer ids', () => {
    const outcomes = [mapParty(companyItem, 'company', ctx), mapParty(contactItem, 'contact', ctx)];
    const { records } = mapItems(outcomes, (outcome) => ('mapped' in (outcome as object) ? (outcome as { mapped: never }).mapped : []));
    expect(records.customer?.map((c) => [c.externalId, c.name, c.url])).toEqual([
      ['company:10971463', 'ООО «Ромашка»', 'https://stroytorg.amocrm.ru/companies/detail/10971463'],
      ['contact:22345', 'Мария Сидорова', 'https://stroytorg.amocrm.ru/contacts/detail/22345'],
    ]);
    expect(mapParty({ ...contactItem, is_deleted: true }, 'contact', ctx)).toEqual({ deleted: 'contact:22345' });
  });

  it('reports leads from the recycle bin as deleted deals', () => {
    expect(mapDeletedLead({ id: 19619, updated_at: 1706788800, is_deleted: true })).toEqual({ deleted: '19619' });
    expect(mapDeletedLead({ id: 5, is_deleted: false })).toMatchObject({ mapped: { type: 'deal', externalId: '5' } });
  });
});

describe('activities', () => {
  it('maps a follow-up task (type 1: "Связаться", Follow-up in Kommo’s English docs) as a task, not a call, done at its deadline', () => {
    const { records } = mapItems(
      [taskItem, { ...taskItem, id: 2, task_type_id: 2, is_completed: false }, { ...taskItem, id: 3, task_type_id: 1234567 }],
      (raw) => mapTask(raw, ctx),
    );
    expect(records.activity?.map((a) => [a.externalId, a.type, a.done])).toEqual([
      ['task:7087', 'task', true],
      ['task:2', 'meeting', false],
      ['task:3', 'task', true],
    ]);
    expect(records.activity?.[0]).toMatchObject({ occurredAt: 1_706_590_800_000, dealId: '19619', ownerId: '3276403', title: 'Перезвонить по спецификации' });
  });

  it('maps call notes with direction and duration, and rejects other notes', () => {
    const { records, rejects } = mapItems(
      [callNoteItem, { ...callNoteItem, id: 2, note_type: 'call_in', entity_id: 22345 }, { ...callNoteItem, id: 3, note_type: 'common' }],
      (raw) => mapCallNote(raw, (raw as { id: number }).id === 2 ? 'contacts' : 'leads', ctx),
    );
    expect(records.activity?.[0]).toMatchObject({
      externalId: 'note:76787983',
      type: 'call',
      direction: 'outbound',
      durationSec: 187,
      occurredAt: 1_706_520_000_000,
      dealId: '19619',
      done: true,
    });
    expect(records.activity?.[1]).toMatchObject({ direction: 'inbound', customerId: 'contact:22345' });
    expect(rejects.map((r) => r.reason)).toEqual(['the note is a common, not a call']);
  });
});

/**
 * amoCRM API v4 responses in the shapes its documentation shows (HAL lists
 * under `_embedded`, links under `_links`, Unix-second timestamps, ruble prices
 * in whole units), with Russian values. Test data only.
 */
const base = 'https://stroytorg.amocrm.ru';
const self = (path: string) => ({ self: { href: `${base}/api/v4/${path}` } });

export const KOMMO_BASE = `${base}/api/v4`;
export const KOMMO_APP = base;

export const accountResponse = {
  id: 30101212,
  name: 'СтройТорг',
  subdomain: 'stroytorg',
  created_at: 1585840134,
  created_by: 3276403,
  updated_at: 1700000000,
  updated_by: 3276403,
  current_user_id: 3276403,
  country: 'RU',
  currency: 'RUB',
  currency_symbol: '₽',
  customers_mode: 'disabled',
  is_unsorted_on: true,
  is_loss_reason_enabled: true,
  is_technical_account: false,
  contact_name_display_order: 1,
  _links: self('account'),
  _embedded: {
    users_groups: [
      { id: 0, name: 'Отдел продаж', uuid: null },
      { id: 357154, name: 'Региональные продажи', uuid: 'c4f5a8d0-1b2e-4c6a-9f0e-7d1b2c3a4e5f' },
    ],
  },
};

export function lead(overrides: Record<string, unknown> = {}) {
  return {
    id: 19619,
    name: 'Поставка оборудования',
    price: 1250000,
    responsible_user_id: 3276403,
    group_id: 0,
    status_id: 142,
    pipeline_id: 3177727,
    loss_reason_id: null,
    source_id: null,
    created_by: 3276403,
    updated_by: 3276403,
    created_at: 1704096000,
    updated_at: 1706788800,
    closed_at: 1706702400,
    closest_task_at: null,
    is_deleted: false,
    custom_fields_values: null,
    score: null,
    account_id: 30101212,
    labor_cost: null,
    _links: self('leads/19619'),
    _embedded: {
      tags: [],
      companies: [{ id: 10971463, _links: self('companies/10971463') }],
      contacts: [{ id: 22345, is_main: true, _links: self('contacts/22345') }],
    },
    ...overrides,
  };
}

export function listResponse(key: string, items: unknown[], page = 1, hasNext = false) {
  const links: Record<string, { href: string }> = self(`${key}?page=${page}&limit=250`);
  if (hasNext) links.next = { href: `${base}/api/v4/${key}?page=${page + 1}&limit=250` };
  return { _page: page, _links: links, _embedded: { [key]: items } };
}

export const pipelinesResponse = {
  _total_items: 1,
  _links: self('leads/pipelines'),
  _embedded: {
    pipelines: [
      {
        id: 3177727,
        name: 'Основная воронка',
        sort: 1,
        is_main: true,
        is_unsorted_on: true,
        is_archive: false,
        account_id: 30101212,
        _links: self('leads/pipelines/3177727'),
        _embedded: {
          statuses: [
            { id: 32392156, name: 'Неразобранное', sort: 10, is_editable: false, pipeline_id: 3177727, color: '#c1c1c1', type: 1, account_id: 30101212 },
            { id: 32392159, name: 'Первичный контакт', sort: 20, is_editable: true, pipeline_id: 3177727, color: '#99ccff', type: 0, account_id: 30101212 },
            { id: 32392162, name: 'Переговоры', sort: 30, is_editable: true, pipeline_id: 3177727, color: '#ffff99', type: 0, account_id: 30101212 },
            { id: 142, name: 'Успешно реализовано', sort: 10000, is_editable: false, pipeline_id: 3177727, color: '#CCFF66', type: 0, account_id: 30101212 },
            {
              id: 143,
              name: 'Закрыто и не реализовано',
              sort: 11000,
              is_editable: false,
              pipeline_id: 3177727,
              color: '#D5D8DB',
              type: 0,
              account_id: 30101212,
            },
          ],
        },
      },
    ],
  },
};

export const userResponse = {
  id: 3276403,
  name: 'Иван Петров',
  email: 'ivan.petrov@stroytorg.ru',
  lang: 'ru',
  rights: { leads: { view: 'A', edit: 'A' }, is_admin: false, is_free: false, is_active: true, group_id: 357154, role_id: null },
  _links: self('users/3276403'),
};

export const companyItem = {
  id: 10971463,
  name: 'ООО «Ромашка»',
  responsible_user_id: 3276403,
  group_id: 0,
  created_by: 3276403,
  updated_by: 3276403,
  created_at: 1700100000,
  updated_at: 1706000000,
  closest_task_at: null,
  custom_fields_values: null,
  account_id: 30101212,
  _links: self('companies/10971463'),
  _embedded: { tags: [] },
};

export const contactItem = {
  id: 22345,
  name: 'Мария Сидорова',
  first_name: 'Мария',
  last_name: 'Сидорова',
  responsible_user_id: 3276403,
  group_id: 0,
  created_by: 3276403,
  updated_by: 3276403,
  created_at: 1700200000,
  updated_at: 1706100000,
  closest_task_at: null,
  is_deleted: false,
  custom_fields_values: null,
  account_id: 30101212,
  _links: self('contacts/22345'),
  _embedded: { tags: [], companies: [{ id: 10971463 }] },
};

export const taskItem = {
  id: 7087,
  created_by: 3276403,
  updated_by: 3276403,
  created_at: 1706500000,
  updated_at: 1706600000,
  responsible_user_id: 3276403,
  group_id: 0,
  entity_id: 19619,
  entity_type: 'leads',
  duration: 0,
  is_completed: true,
  task_type_id: 1,
  text: 'Перезвонить по спецификации',
  result: { text: 'Договорились о встрече' },
  complete_till: 1706590800,
  account_id: 30101212,
  _links: self('tasks/7087'),
};

export const callNoteItem = {
  id: 76787983,
  entity_id: 19619,
  created_by: 3276403,
  updated_by: 3276403,
  created_at: 1706520000,
  updated_at: 1706520060,
  responsible_user_id: 3276403,
  group_id: 0,
  note_type: 'call_out',
  params: { uniq: '8f52d38a-5fb3-406d-93a3-a4832dc28f8b', duration: 187, source: 'Mango Office', link: 'https://example.com/rec.mp3', phone: '+79161234567' },
  account_id: 30101212,
  _links: self('leads/19619/notes/76787983'),
};

/**
 * Kommo (amoCRM) answers the adapter relies on. Test data only.
 */
import type { DocumentedExample } from './types';

/**
 * `GET /api/v4/leads?with=only_deleted`: "the method request will return only the
 * deleted leads that are still restorable in the response. You will receive lead
 * models with the following properties: "id", modification date and "is_deleted" =
 * true" (https://developers.kommo.com/reference/leads-list, "with" parameters).
 * The page is the HAL list every list method answers (`_page`, `_links`, `_embedded`).
 */
export const DELETED_LEADS: DocumentedExample = {
  source: 'https://developers.kommo.com/reference/leads-list — "with" parameters, only_deleted',
  status: 200,
  body: {
    _page: 1,
    _links: { self: { href: 'https://example.kommo.com/api/v4/leads?with=only_deleted&page=1&limit=250' } },
    _embedded: { leads: [{ id: 3912171, updated_at: 1700000000, is_deleted: true }, { id: 3912172, updated_at: 1700000060, is_deleted: true }] },
  },
};

import { fakeFetch, type FakeReply } from '../kommo/test-fake-fetch';
import { callItem, leadItem, meetingItem, opportunity, outgoingEmail, pipelinesPage, usersPage } from './test-fixtures';

/** The list endpoints the fake serves, by the event log object type of their records. */
const PATHS: Record<string, string> = {
  lead: '/lead/',
  opportunity: '/opportunity/',
  'activity.call': '/activity/call/',
  'activity.email': '/activity/email/',
  'activity.meeting': '/activity/meeting/',
};

type Event = { id: string; object_type: string; object_id: string; action: string; date_created: string; date_updated: string; data: null };

/**
 * A small stateful Close organisation for sync tests: list endpoints paged by
 * `_skip`/`_limit`, and an event log (newest first, paged by `_cursor` /
 * `cursor_next`) that records each deletion. Test data only.
 */
export function fakeCloseOrg() {
  const live: Record<string, Record<string, unknown>[]> = {
    lead: [leadItem],
    opportunity: [opportunity({ id: 'oppo_1' }), opportunity({ id: 'oppo_2' }), opportunity({ id: 'oppo_3' })],
    'activity.call': [
      { ...callItem, id: 'acti_call1' },
      { ...callItem, id: 'acti_call2' },
    ],
    'activity.email': [outgoingEmail],
    'activity.meeting': [meetingItem],
  };
  const events: Event[] = [];
  const broken: { objectType: string; body: unknown; times: number }[] = [];
  const page = (items: unknown[], url: URL): FakeReply => {
    const skip = Number(url.searchParams.get('_skip') ?? 0);
    const limit = Number(url.searchParams.get('_limit') ?? 100);
    const data = items.slice(skip, skip + limit);
    return { body: { data, has_more: skip + data.length < items.length, total_results: items.length } };
  };
  const eventLog = (url: URL): FakeReply => {
    const objectType = url.searchParams.get('object_type') ?? '';
    const fault = broken.find((b) => b.objectType === objectType && b.times > 0);
    if (fault) {
      fault.times -= 1;
      return { body: fault.body };
    }
    const gte = url.searchParams.get('date_updated__gte');
    const matching = events
      .filter((e) => e.object_type === objectType && e.action === url.searchParams.get('action') && (gte === null || e.date_updated >= gte))
      .reverse();
    const from = Number(url.searchParams.get('_cursor')?.replace('after-', '') ?? 0);
    const limit = Number(url.searchParams.get('_limit') ?? 50);
    const data = matching.slice(from, from + limit);
    return { body: { data, cursor_next: from + limit < matching.length ? `after-${from + limit}` : null } };
  };
  const { fetch, calls } = fakeFetch((url) => {
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/user/') return { body: usersPage };
    if (path === '/pipeline/') return { body: pipelinesPage };
    if (path === '/event/') return eventLog(url);
    const type = Object.keys(PATHS).find((key) => PATHS[key] === path);
    return type ? page(live[type]!, url) : { status: 404, body: { error: 'not found' } };
  });
  return {
    fetch,
    calls,
    /** The rep deletes a record in Close at `at`: it leaves its list and the event log says so. */
    remove(objectType: string, id: string, at: number) {
      live[objectType] = live[objectType]!.filter((item) => item.id !== id);
      const when = new Date(at).toISOString();
      events.push({
        id: `ev_${events.length + 1}`,
        object_type: objectType,
        object_id: id,
        action: 'deleted',
        date_created: when,
        date_updated: when,
        data: null,
      });
    },
    /** The next `times` event log pages of `objectType` answer `body` instead. */
    breakEvents(objectType: string, body: unknown, times: number) {
      broken.push({ objectType, body, times });
    },
  };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { admit, type SenderInfo } from '../../lib/messaging/guard';
import { requestSchema } from '../../lib/messaging/protocol';
import { check, expectNoPollution, jsonValue, leaf, PROTO_KEYS, RUNS } from './hostile';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
/** What a CRM page's content script may ask (lib/messaging/guard.ts); everything else is for extension pages. */
// `frame/*`: the sidebar frame's state of the sender's own page; `table/*`: the on-demand table picker.
const CONTENT_SCRIPT_ALLOWED = new Set(['page/opened', 'frame/state', 'frame/toggle', 'frame/resize', 'table/setup', 'table/remember', 'table/rows']);

const SHAPES = requestSchema.options.map((option) => ({
  type: option.shape.type.value as string,
  fields: Object.keys(option.shape).filter((k) => k !== 'type'),
}));
const likely = fc.constantFrom(
  'sandbox:127.0.0.1:5179',
  'pipedrive:acme',
  'https://acme.pipedrive.com/deals',
  'personal',
  'team',
  'month',
  '2024-03',
  3,
  0,
  true,
  false,
  [],
  {},
);

/** Messages: protocol-shaped ones with arbitrary fields (some valid), anything at all, and polluting JSON. */
const message = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...SHAPES)
      .chain(({ type, fields }) =>
        fc
          .dictionary(fc.constantFrom(...fields, ...PROTO_KEYS), fc.oneof(likely, leaf, jsonValue), { maxKeys: fields.length + 1 })
          .map((rest) => ({ ...rest, type })),
      ),
  },
  { weight: 2, arbitrary: jsonValue },
  // valid requests, privileged and not, so admission is tested for every kind of sender
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      { type: 'page/opened', url: 'https://acme.pipedrive.com/deals' },
      { type: 'status/get' },
      { type: 'data/delete-all' },
      { type: 'demo/load' },
      { type: 'sync/start', source: 'pipedrive:acme' },
      { type: 'data/erase-everything' },
      { type: 'import/list' },
      { type: 'connections/list' },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        '{"__proto__":{"type":"status/get"}}',
        '{"type":"data/delete-all","__proto__":{"fromExtensionPage":true}}',
        '{"type":"status/get","constructor":{"prototype":{"polluted":1}}}',
      )
      .map((t) => JSON.parse(t) as unknown),
  },
);

/** Who sent it, as runtime.MessageSender shapes: extension pages, CRM pages' content scripts, other extensions, lookalike URLs. */
const url = fc.oneof(
  fc.constantFrom(
    `${ORIGIN}sidebar.html`,
    `${ORIGIN}options.html#data`,
    `${ORIGIN}background.js`,
    `chrome-extension://${ID}`,
    `chrome-extension://${ID}.evil/sidebar.html`,
    `chrome-extension://other${ID}/sidebar.html`,
    `CHROME-EXTENSION://${ID.toUpperCase()}/sidebar.html`,
    `moz-extension://${ID}/sidebar.html`,
    'https://acme.pipedrive.com/deals',
    `https://evil.example/${ORIGIN}`,
    'http://127.0.0.1:5179/deals',
    'about:blank',
    'javascript:alert(1)',
    '',
  ),
  fc.webUrl(),
);
const sender: fc.Arbitrary<SenderInfo> = fc.record(
  { id: fc.constantFrom(ID, ID, ID, 'someoneelse', '', ID.toUpperCase()), url, tab: fc.record({ id: fc.option(fc.integer(), { nil: undefined }) }) },
  { requiredKeys: [] },
);

describe('message admission on hostile input', () => {
  it(`${RUNS.toLocaleString('en')} generated messages and senders: refused unless valid, from KPI Lens, and allowed for that sender`, () => {
    const seen = { admittedFromPage: 0, admittedFromContent: 0, refusedShape: 0, refusedSender: 0, refusedPrivilege: 0 };
    fc.assert(
      fc.property(message, sender, (msg, from) => {
        const verdict = admit(msg, from, ID, ORIGIN);
        expectNoPollution();
        if (!verdict.ok) {
          check(typeof verdict.error === 'string' && verdict.error.startsWith('refused:'), `a refusal without a reason: ${JSON.stringify(verdict)}`);
          if (/another extension/.test(verdict.error)) seen.refusedSender += 1;
          else if (/not a KPI Lens message/.test(verdict.error)) seen.refusedShape += 1;
          else seen.refusedPrivilege += 1;
          return;
        }
        // Admitted: only from this extension, only a protocol message, and privileged requests only from its own pages.
        check(from.id === ID, `admitted from extension ${String(from.id)}`);
        check(requestSchema.safeParse(msg).success, 'admitted a message the protocol does not describe');
        check(verdict.request.type === (msg as { type?: unknown }).type, 'the admitted request changed type');
        const pageUrl = from.url === undefined ? from.tab === undefined : from.url.startsWith(ORIGIN);
        check(
          verdict.fromExtensionPage === pageUrl,
          `sender ${JSON.stringify(from)} taken for ${verdict.fromExtensionPage ? 'an extension page' : 'a content script'}`,
        );
        if (!verdict.fromExtensionPage) check(CONTENT_SCRIPT_ALLOWED.has(verdict.request.type), `a content script was allowed ${verdict.request.type}`);
        check(
          !Object.hasOwn(verdict.request, '__proto__') && Object.getPrototypeOf(verdict.request) === Object.prototype,
          'the admitted request carries a prototype key',
        );
        if (verdict.fromExtensionPage) seen.admittedFromPage += 1;
        else seen.admittedFromContent += 1;
      }),
      { numRuns: RUNS },
    );
    // every branch was exercised many times
    for (const [branch, count] of Object.entries(seen)) expect(count, branch).toBeGreaterThan(20);
  });
});

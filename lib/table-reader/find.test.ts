// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { findTablesInSlices } from './find';
import { findTables } from './structure';
import { page } from './test-dom';

/** A clock that moves 1 ms per look, so slices end after a few elements. */
function tickingHost() {
  let now = 0;
  let pauses = 0;
  return { host: { now: () => (now += 1), pause: async () => void (pauses += 1) }, pauses: () => pauses };
}

const ids = (elements: Element[]) => elements.map((element) => element.id);

describe('finding tables on the live page in slices', () => {
  const html = `
    <table id="layout-outer"><tr><td>
      <table id="nested"><thead><tr><th>Title</th></tr></thead><tbody><tr><td>A</td></tr></tbody></table>
    </td></tr></table>
    <table id="skip" role="presentation"><tr><td>menu</td></tr></table>
    <table id="empty"><thead><tr><th>A</th></tr></thead><tbody></tbody></table>
    <table id="deals"><thead><tr><th>Title</th><th>Value</th></tr></thead><tbody><tr><td>A</td><td>1</td></tr></tbody></table>
    <div id="grid" role="grid"><div role="row"><div role="columnheader">Subject</div></div><div role="row"><div role="gridcell">Call</div></div>
      <table id="grid-markup"><tbody><tr><td>1</td></tr></tbody></table></div>
    <div id="mine"><table id="ours"><tbody><tr><td>ours</td></tr></tbody></table></div>`;

  it('finds what findTables finds, in page order, outside the excluded element', async () => {
    const doc = page(html);
    const exclude = doc.getElementById('mine')!;
    const { host } = tickingHost();
    const sliced = await findTablesInSlices(doc.documentElement, exclude, host, 1_000);
    expect(ids(sliced)).toEqual(ids(findTables(doc, exclude)));
    expect(ids(sliced)).toEqual(['layout-outer', 'nested', 'deals', 'grid']);
  });

  it('gives the thread back when the slice time is up and still finds everything', async () => {
    const doc = page(`<div>${'<p>x</p>'.repeat(4_000)}</div>${html}`);
    const ticking = tickingHost();
    const sliced = await findTablesInSlices(doc.documentElement, doc.getElementById('mine')!, ticking.host, 2); // the clock is read every 256 elements: a slice ends after ~512
    expect(ids(sliced)).toEqual(['layout-outer', 'nested', 'deals', 'grid']);
    expect(ticking.pauses()).toBeGreaterThan(2);
  });

  it('stops at the maximum', async () => {
    const doc = page(html);
    const sliced = await findTablesInSlices(doc.documentElement, undefined, tickingHost().host, 1_000, 2);
    expect(ids(sliced)).toEqual(['layout-outer', 'nested']);
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cellText } from './text';
import { page } from './test-dom';

const cell = (html: string) => page(`<table><tbody><tr><td id="c">${html}</td></tr></tbody></table>`).getElementById('c')!;

describe('cell text', () => {
  it('folds white space and line breaks, and separates block elements', () => {
    expect(cellText(cell('  Acme\n   <b>Ltd</b>  '), 100)).toEqual({ text: 'Acme Ltd', truncated: false });
    expect(cellText(cell('<div>Ann Lee</div><div>Sales</div>'), 100).text).toBe('Ann Lee Sales');
    expect(cellText(cell('Ac<mark>me</mark>'), 100).text).toBe('Acme');
  });

  it('never reads scripts, styles or templates as text', () => {
    expect(cellText(cell('12<script>alert(1)</script><style>.x{}</style><template>t</template> 500'), 100).text).toBe('12 500');
  });

  it('cuts a cell at the cap and says so', () => {
    const long = cellText(cell('x'.repeat(50_000)), 10_000);
    expect(long.text).toHaveLength(10_000);
    expect(long.truncated).toBe(true);
    // Spaces folded away do not count against the cap.
    expect(cellText(cell(`${'a '.repeat(5)}   `), 9)).toEqual({ text: 'a a a a a', truncated: false });
  });

  it('stops walking a cell of endless empty tags', () => {
    const doc = page('<table><tbody><tr><td id="c"></td></tr></tbody></table>');
    const target = doc.getElementById('c')!;
    for (let i = 0; i < 20_000; i += 1) target.append(doc.createElement('i'));
    target.append(doc.createTextNode('tail'));
    expect(cellText(target, 100)).toEqual({ text: '', truncated: true });
  });
});

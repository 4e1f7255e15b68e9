import { describe, expect, it } from 'vitest';
import { freeSpot, isFree, type HitTest } from './handle-spot';

/** A fake page: boxes (x, y, w, h) holding an element of the given tag; the rest is plain text (a div). */
function page(boxes: { x: number; y: number; w: number; h: number; tag: string }[]): HitTest {
  const text = { closest: () => null } as unknown as Element;
  return (x, y) => {
    const box = boxes.find((b) => x >= b.x && x < b.x + b.w && y >= b.y && y < b.y + b.h);
    if (!box) return text;
    // A control's element is its own closest control; a div with text is not a control.
    return { closest: () => (box.tag === 'div' ? null : ({ tagName: box.tag } as unknown as Element)) } as unknown as Element;
  };
}

const column = { left: 982, width: 18 }; // the right edge of a 1,000 px wide window

describe('where the handle goes', () => {
  it('stays where the rep wants it when no control is there', () => {
    const hit = page([{ x: 0, y: 0, w: 1000, h: 900, tag: 'div' }]);
    expect(freeSpot(hit, column, 360, 84, 900)).toBe(360); // 40 % of 900
  });

  it('moves off a button under it to the nearest free spot (below first, then above)', () => {
    // A button from y 350 to 400 at the right edge: the handle (84 px) must start at 400 or end at 350.
    const hit = page([{ x: 900, y: 350, w: 100, h: 50, tag: 'button' }]);
    const top = freeSpot(hit, column, 360, 84, 900);
    expect(isFree(hit, column, top, 84)).toBe(true);
    expect(top >= 400 || top + 84 <= 350).toBe(true);
    expect(Math.abs(top - 360)).toBeLessThanOrEqual(96); // the nearest step: 360 + 48 = 408
    expect(top).toBe(408);
  });

  it('sees a control narrower than the handle and one touching only its last pixel row', () => {
    expect(isFree(page([{ x: 990, y: 440, w: 4, h: 4, tag: 'a' }]), column, 360, 84)).toBe(false); // a 4 px link under the middle probe column
    expect(isFree(page([{ x: 982, y: 443, w: 18, h: 10, tag: 'input' }]), column, 360, 84)).toBe(false); // y 443 = the last row
    expect(isFree(page([{ x: 982, y: 444, w: 18, h: 10, tag: 'input' }]), column, 360, 84)).toBe(true); // just below it
  });

  it('keeps to the window and stays put when the whole edge is busy', () => {
    const busy = page([{ x: 0, y: 0, w: 1000, h: 900, tag: 'a' }]);
    expect(freeSpot(busy, column, 360, 84, 900)).toBe(360);
    expect(freeSpot(busy, column, 5_000, 84, 900)).toBe(900 - 84 - 8);
    expect(freeSpot(busy, column, -50, 84, 900)).toBe(8);
  });
});

import { describe, expect, test } from 'vitest';
import { overlaps, waysOut } from './page-watch';

/** A box from left, top, width, height (what getBoundingClientRect gives). */
function rect(left: number, top: number, width: number, height: number): DOMRect {
  return { left, top, width, height, right: left + width, bottom: top + height, x: left, y: top } as DOMRect;
}

// Facebook's "Create post" dialog, 500 px wide, centred in a 1280 x 1024 window; its
// text box spans the dialog's width (tests/fixtures/src/facebook.tsx).
const DIALOG_BOX = rect(390, 420, 500, 120);
const rightPanel = (width: number) => rect(1280 - width, 0, width, 1024);
const leftPanel = (width: number) => rect(0, 0, width, 1024);

describe('overlaps: when the sidebar covers the box in use', () => {
  test.each([
    ['closed sidebar', null, false],
    ['default width, clear of the dialog', rightPanel(360), false],
    ['touching its edge', rightPanel(390), false],
    ['15 px over it: the shadow brushing', rightPanel(405), false],
    ['16 px over it', rightPanel(406), true],
    ['the right fifth (100 px)', rightPanel(490), true],
    ['most of it', rightPanel(640), true],
    ['on the left, the left fifth', leftPanel(490), true],
  ])('%s', (_name, panel, expected) => {
    expect(overlaps(DIALOG_BOX, panel)).toBe(expected);
  });

  test('a narrow box counts once half of it is hidden', () => {
    expect(overlaps(rect(1260, 0, 20, 20), rightPanel(300))).toBe(true);
    expect(overlaps(rect(965, 0, 20, 20), rightPanel(300))).toBe(false); // 5 of 20 px
  });

  test('a box out of sight above or below is not covered', () => {
    expect(overlaps(rect(1000, -200, 200, 100), rightPanel(360))).toBe(false);
  });

  test('a box with no width (not laid out) is not covered', () => {
    expect(overlaps(rect(1000, 0, 0, 0), rightPanel(360))).toBe(false);
  });
});

describe('waysOut: what clears a covered box', () => {
  test('a centred dialog: moving does not help, narrowing to the room beside it does', () => {
    expect(waysOut(DIALOG_BOX, rightPanel(490), 1280)).toEqual({ otherSide: false, width: 382 });
    expect(waysOut(DIALOG_BOX, leftPanel(490), 1280)).toEqual({ otherSide: false, width: 382 });
  });

  test('a box on the right half: the other side clears it', () => {
    const box = rect(700, 600, 560, 40); // a message box reaching the right edge
    expect(waysOut(box, rightPanel(360), 1280)).toEqual({ otherSide: true, width: null });
  });

  test('no width at or above the minimum clears it: null', () => {
    const box = rect(200, 0, 900, 40);
    expect(waysOut(box, rightPanel(360), 1280)).toEqual({ otherSide: false, width: null });
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixedWindow, rowSlots, sameRowsInView, scrollToShow } from './fixedWindow.ts';

// A 460 px view of 46 px rows: ten rows in view at a time.
const ROW = 46;
const VIEW = 460;

/** Row count, view height, scroll position and overscan of any list. */
const WINDOWS = [
  fc.integer({ min: 0, max: 100_000 }),
  fc.integer({ min: 0, max: 2_000 }),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: 0, max: 20 }),
] as const;

describe('fixedWindow', () => {
  test('at the top: the rows in view and the overscan below', () => {
    expect(fixedWindow(0, VIEW, ROW, 10_000, 8)).toEqual({ start: 0, end: 18 });
  });

  test('scrolled: the overscan on both sides', () => {
    // Row 100 at the top of the view.
    expect(fixedWindow(100 * ROW, VIEW, ROW, 10_000, 8)).toEqual({ start: 92, end: 118 });
  });

  test('a row partly in view is drawn', () => {
    // Half of row 100 at the top, half of row 110 at the bottom.
    expect(fixedWindow(100 * ROW + 23, VIEW, ROW, 10_000, 0)).toEqual({ start: 100, end: 111 });
  });

  test('never past the list: short lists, the bottom, an empty list', () => {
    expect(fixedWindow(0, VIEW, ROW, 3, 8)).toEqual({ start: 0, end: 3 });
    expect(fixedWindow(9_990 * ROW, VIEW, ROW, 10_000, 8)).toEqual({ start: 9_982, end: 10_000 });
    expect(fixedWindow(0, VIEW, ROW, 0, 8)).toEqual({ start: 0, end: 0 });
    // A scroll position left over from a longer list.
    expect(fixedWindow(5_000 * ROW, VIEW, ROW, 10, 8)).toEqual({ start: 10, end: 10 });
  });

  test('the rows drawn never outnumber the slots, so their slot keys are distinct', () => {
    fc.assert(
      fc.property(
        ...WINDOWS,
        fc.integer({ min: 1, max: 200 }),
        (count, viewport, scrollTop, overscan, rowHeight) => {
          const { start, end } = fixedWindow(scrollTop, viewport, rowHeight, count, overscan);
          const slots = rowSlots(viewport, rowHeight, overscan);
          const keys = new Set<number>();
          for (let position = start; position < end; position += 1) keys.add(position % slots);
          expect(keys.size).toBe(end - start);
        },
      ),
    );
  });

  test('every row in view is drawn, and at most the view plus the overscan', () => {
    fc.assert(
      fc.property(...WINDOWS, (count, viewport, scrollTop, overscan) => {
        const { start, end } = fixedWindow(scrollTop, viewport, ROW, count, overscan);
        expect(0 <= start && start <= end && end <= count).toBe(true);
        for (let row = 0; row < count; row += Math.max(1, Math.floor(count / 50))) {
          const inView = row * ROW < scrollTop + viewport && (row + 1) * ROW > scrollTop;
          if (inView) expect(start <= row && row < end).toBe(true);
        }
        expect(end - start).toBeLessThanOrEqual(Math.ceil(viewport / ROW) + 1 + 2 * overscan);
      }),
    );
  });
});

describe('scrollToShow', () => {
  test('a row in view: no scrolling', () => {
    expect(scrollToShow(3, 0, VIEW, ROW)).toBeNull();
    expect(scrollToShow(9, 0, VIEW, ROW)).toBeNull();
  });

  test('a row above the view: its top at the top', () => {
    expect(scrollToShow(4, 10 * ROW, VIEW, ROW)).toBe(4 * ROW);
    // Half hidden above.
    expect(scrollToShow(10, 10 * ROW + 10, VIEW, ROW)).toBe(10 * ROW);
  });

  test('a row below the view: its bottom at the bottom', () => {
    expect(scrollToShow(10, 0, VIEW, ROW)).toBe(11 * ROW - VIEW);
    expect(scrollToShow(500, 0, VIEW, ROW)).toBe(501 * ROW - VIEW);
  });

  test('the row is whole in view after scrolling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: ROW, max: 2_000 }),
        (index, scrollTop, viewport) => {
          const top = scrollToShow(index, scrollTop, viewport, ROW) ?? scrollTop;
          expect(index * ROW).toBeGreaterThanOrEqual(top);
          expect((index + 1) * ROW).toBeLessThanOrEqual(top + viewport);
        },
      ),
    );
  });
});

describe('sameRowsInView', () => {
  test('scrolling within a row keeps the rows; crossing a row edge changes them', () => {
    expect(sameRowsInView(1, 10, VIEW, ROW)).toBe(true);
    // Row 10 comes partly into view at the bottom.
    expect(sameRowsInView(0, 10, VIEW, ROW)).toBe(false);
    expect(sameRowsInView(1, ROW, VIEW, ROW)).toBe(false);
    expect(sameRowsInView(ROW + 1, 2 * ROW - 1, VIEW, ROW)).toBe(true);
  });
});

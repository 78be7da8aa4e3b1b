import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NO_SELECTION, selectAll, selectedAmong, toggleSelection } from './toggleSelection';

const rows = ['a', 'b', 'c', 'd', 'e'];

describe('ticking rows', () => {
  it('a click ticks one row and makes it the anchor', () => {
    const next = toggleSelection(NO_SELECTION, 'b', false, rows);
    expect([...next.ids]).toEqual(['b']);
    expect(next.anchor).toBe('b');
  });

  it('a second click on a ticked row unticks it', () => {
    const once = toggleSelection(NO_SELECTION, 'b', false, rows);
    expect(toggleSelection(once, 'b', false, rows).ids.size).toBe(0);
  });

  it('a shift-click ticks every row from the anchor to the clicked one, either way', () => {
    const anchored = toggleSelection(NO_SELECTION, 'b', false, rows);
    expect([...toggleSelection(anchored, 'd', true, rows).ids].sort()).toEqual(['b', 'c', 'd']);
    const below = toggleSelection(NO_SELECTION, 'd', false, rows);
    expect([...toggleSelection(below, 'a', true, rows).ids].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('a shift-click on a ticked row unticks the range and keeps the anchor', () => {
    let selection = selectAll(NO_SELECTION, rows);
    selection = toggleSelection(selection, 'b', false, rows); // unticks b, anchor b
    selection = toggleSelection(selection, 'b', false, rows); // ticks b again
    selection = toggleSelection(selection, 'd', true, rows);
    expect([...selection.ids].sort()).toEqual(['a', 'e']);
    expect(selection.anchor).toBe('b');
  });

  it('a shift-click without an anchor on the list ticks only the clicked row', () => {
    const gone = { ids: new Set(['z']), anchor: 'z' };
    expect([...toggleSelection(gone, 'c', true, rows).ids].sort()).toEqual(['c', 'z']);
  });

  it('select all ticks what is shown and keeps what was ticked elsewhere', () => {
    const ticked = toggleSelection(NO_SELECTION, 'x', false, ['x']);
    expect([...selectAll(ticked, ['a', 'b']).ids].sort()).toEqual(['a', 'b', 'x']);
  });

  it('bulk actions see only the ticked rows the filter shows, in list order', () => {
    const selection = { ids: new Set(['d', 'x', 'a']), anchor: null };
    expect(selectedAmong(selection, rows)).toEqual(['a', 'd']);
  });

  it('a shift-click changes exactly the rows between anchor and click', () => {
    fc.assert(
      fc.property(
        fc.subarray(rows),
        fc.constantFrom(...rows),
        fc.constantFrom(...rows),
        (ticked, anchor, clicked) => {
          const before = { ids: new Set(ticked), anchor };
          const after = toggleSelection(before, clicked, true, rows);
          const [low, high] = [rows.indexOf(anchor), rows.indexOf(clicked)].sort((a, b) => a - b);
          rows.forEach((row, index) => {
            const inRange = index >= (low ?? 0) && index <= (high ?? 0);
            const expected = inRange ? !before.ids.has(clicked) : before.ids.has(row);
            expect(after.ids.has(row)).toBe(expected);
          });
        },
      ),
    );
  });
});

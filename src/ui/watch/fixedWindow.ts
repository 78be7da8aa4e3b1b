/**
 * Windowing for a list whose rows all have one height: which rows to draw for a scroll
 * position, and where to scroll to bring a row into view. Plain arithmetic, O(1) whatever
 * the count, so adding rows to a long list costs nothing here.
 */

/** The rows to draw: `start` inclusive, `end` exclusive. */
export interface RowWindow {
  start: number;
  end: number;
}

/** The rows in a `viewport` px tall view scrolled to `scrollTop`, and `overscan` on each side. */
export function fixedWindow(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowWindow {
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewport)) / rowHeight);
  const start = Math.min(count, Math.max(0, first - overscan));
  const end = Math.min(count, last + overscan);
  return { start, end: Math.max(start, end) };
}

/**
 * The most rows `fixedWindow` draws for a view this tall: the rows a view can show partly (one
 * more than fit whole) and the overscan on both sides. Any run of that many consecutive rows
 * has distinct positions modulo it, so `position % rowSlots(…)` names a row's DOM slot.
 */
export function rowSlots(viewport: number, rowHeight: number, overscan: number): number {
  return Math.ceil(Math.max(0, viewport) / rowHeight) + 1 + 2 * overscan;
}

/**
 * The scroll position that shows row `index` whole with the least movement (its top at the
 * view's top when it is above, its bottom at the view's bottom when below), or `null` when it
 * is in view already.
 */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return null;
}

/** Whether the same rows are (partly) in view at both scroll positions. */
export function sameRowsInView(a: number, b: number, viewport: number, rowHeight: number): boolean {
  const first = (top: number) => Math.floor(top / rowHeight);
  const last = (top: number) => Math.ceil((top + viewport) / rowHeight);
  return first(a) === first(b) && last(a) === last(b);
}

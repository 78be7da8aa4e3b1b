/** Which rows are ticked, and the row a shift-click extends from. */
export interface Selection {
  readonly ids: ReadonlySet<string>;
  /** The row last clicked without shift; `null` before any click. */
  readonly anchor: string | null;
}

export const NO_SELECTION: Selection = { ids: new Set(), anchor: null };

/**
 * Ticks or unticks `id`, as a click on its checkbox does. With `range` (a shift-click), every
 * row of `rows` (the list as shown) from the anchor to `id` takes `id`'s new state, the way a
 * file manager does; without an anchor still on the list, only `id` changes.
 *
 * ```ts
 * toggleSelection({ ids: new Set(['a']), anchor: 'a' }, 'c', true, ['a', 'b', 'c']);
 * // { ids: Set {'a', 'b', 'c'}, anchor: 'a' }
 * ```
 */
export function toggleSelection(
  selection: Selection,
  id: string,
  range: boolean,
  rows: readonly string[],
): Selection {
  const tick = !selection.ids.has(id);
  const ids = new Set(selection.ids);
  const from = range && selection.anchor !== null ? rows.indexOf(selection.anchor) : -1;
  const to = rows.indexOf(id);
  if (from === -1 || to === -1) {
    if (tick) ids.add(id);
    else ids.delete(id);
    return { ids, anchor: id };
  }
  for (const rowId of rows.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (tick) ids.add(rowId);
    else ids.delete(rowId);
  }
  // A range keeps its anchor, so the next shift-click measures from the same row.
  return { ids, anchor: selection.anchor };
}

/** Ticks every row of `rows` (what the filter shows), keeping the ones already ticked. */
export function selectAll(selection: Selection, rows: readonly string[]): Selection {
  return { ids: new Set([...selection.ids, ...rows]), anchor: selection.anchor };
}

/** The ticked ids among `shown`, in `shown`'s order: what bulk actions act on. */
export function selectedAmong(selection: Selection, shown: readonly string[]): string[] {
  if (selection.ids.size === 0) return [];
  return shown.filter((id) => selection.ids.has(id));
}

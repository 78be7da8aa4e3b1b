import type { IdList } from '../../store';
import type { ListEntry } from './groupChains.ts';

/**
 * The list's rows, read by position: the virtualized list reads only the rows in view, so a
 * list of ids that needs no grouping is shown as it is, without a row object per id, and
 * grouped rows are kept in blocks changed by what changed (`makeChainGrouper`).
 */
export interface ListRows {
  readonly length: number;
  /** The row at `index`, or `undefined` outside the list. */
  at(index: number): ListEntry | undefined;
  /** The id of the row at `index`, or `undefined` outside the list. */
  idAt(index: number): string | undefined;
  /** Where the row of `id` is listed, or -1. */
  indexOf(id: string): number;
}

/**
 * Every id a row of its own, in the order given: what grouping yields when no chain has more
 * than one attempt. Costs nothing per id until a row is read; `indexOf` is the list's own.
 */
export function ungroupedRows(
  ids: Pick<IdList, 'length' | 'at' | 'indexOf'>,
  chainOf: (id: string) => string | undefined,
): ListRows {
  return {
    length: ids.length,
    at(index) {
      const id = ids.at(index);
      if (id === undefined) return undefined;
      return { id, chainId: chainOf(id) ?? id, depth: 0, earlier: 0, expanded: false };
    },
    idAt: (index) => ids.at(index),
    indexOf: (id) => ids.indexOf(id),
  };
}

/** The rows' ids, in order (for ranges and shortcuts; O(rows)). */
export function rowIdsOf(rows: ListRows): string[] {
  const ids: string[] = [];
  for (let index = 0; index < rows.length; index += 1) {
    const id = rows.idAt(index);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getAppStore, useEventStore, useEventStoreApi, useRecordsSelector } from '../../store';
import { storeActions } from '../common/storeActions.ts';
import { makeChainGrouper } from './chainGrouper.ts';
import { makeChainIndexSelector, type ChainIndex } from './chainIndex.ts';
import { ungroupedRows, type ListRows } from './listRows.ts';
import { LIST_EVERY_MS, type ShownIds } from './shownIds.ts';

export interface ChainEntries {
  /** The rows as listed: chains grouped, collapsed ones without their earlier attempts. */
  rows: ListRows;
  index: ChainIndex;
  toggleChain: (chainId: string) => void;
}

/**
 * Groups the filtered ids by retry chain (see `groupChains`; kept up to date by what changed,
 * see `makeChainGrouper`), remembering which chains are open. Selecting an earlier attempt
 * (from the attempt chain, a deep link) opens its group, so the selected row is always in the
 * list.
 */
export function useChainEntries(ids: ShownIds): ChainEntries {
  const { records } = useEventStoreApi();
  const grouper = useMemo(() => makeChainGrouper(), []);
  const selectIndex = useMemo(() => makeChainIndexSelector(), []);
  // Told with the ids (`LIST_EVERY_MS`), so both change in one render.
  const index = useRecordsSelector(selectIndex, { everyMs: LIST_EVERY_MS });
  const selectedId = useEventStore((state) => state.selectedId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  // Most histories have no retries: then every id is a row of its own and the list is read
  // as it is, with no pass over it when ids are added. The grouper keeps what it worked out
  // between updates, and a second call with the same inputs changes nothing (Strict Mode).
  const rows = useMemo(() => {
    if (index.multiAttemptChains > 0) return grouper.rows(ids, records, expanded);
    grouper.reset();
    return ungroupedRows(ids, (id) => index.factsOf(id)?.chainId);
  }, [ids, index, expanded, grouper, records]);

  // Adjusted while rendering, as React advises for state derived from props: when the
  // selection moves to an attempt inside a closed group, the next render lists it, and
  // nothing paints in between. A new attempt that merely closes over the selected one (a
  // retry) does not open its group.
  const [seenSelectedId, setSeenSelectedId] = useState(selectedId);
  if (selectedId !== seenSelectedId) {
    setSeenSelectedId(selectedId);
    const chainId = selectedId === null ? undefined : index.factsOf(selectedId)?.chainId;
    const hidden =
      selectedId !== null && ids.indexOf(selectedId) >= 0 && rows.indexOf(selectedId) < 0;
    if (hidden && chainId !== undefined && !expanded.has(chainId)) {
      setExpanded(new Set(expanded).add(chainId));
    }
  }

  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const toggleChain = useCallback((chainId: string) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(chainId)) next.add(chainId);
      return next;
    });
    // Closing the group of the selected earlier attempt moves the selection to the group's
    // head, so the selected row stays in the list.
    const { selectedId } = getAppStore().getState();
    const head = selectedId === null ? undefined : headAbove(rowsRef.current, selectedId, chainId);
    if (head !== undefined) storeActions().select(head);
  }, []);

  return { rows, index, toggleChain };
}

/** The head of `chainId`'s group when `id` is an earlier attempt listed under it. */
function headAbove(rows: ListRows, id: string, chainId: string): string | undefined {
  let position = rows.indexOf(id);
  const selected = rows.at(position);
  if (selected?.chainId !== chainId || selected.depth !== 1) return undefined;
  // The group's earlier attempts follow its head directly.
  for (position -= 1; position >= 0; position -= 1) {
    const row = rows.at(position);
    if (row?.chainId !== chainId) return undefined;
    if (row.depth === 0) return row.id;
  }
  return undefined;
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getAppStore, useEventStore, useRecordsSelector } from '../../store';
import { storeActions } from '../common/storeActions.ts';
import { makeChainIndexSelector, type ChainIndex } from './chainIndex.ts';
import { groupChains, type ListEntry } from './groupChains.ts';

export interface ChainEntries {
  /** The rows as listed: chains grouped, collapsed ones without their earlier attempts. */
  entries: ListEntry[];
  index: ChainIndex;
  toggleChain: (chainId: string) => void;
}

/**
 * Groups the filtered ids by retry chain (see `groupChains`), remembering which chains are
 * open. Selecting an earlier attempt (from the attempt chain, a deep link) opens its group, so
 * the selected row is always in the list.
 */
export function useChainEntries(ids: readonly string[]): ChainEntries {
  const selectIndex = useMemo(() => makeChainIndexSelector(), []);
  const index = useRecordsSelector(selectIndex);
  const selectedId = useEventStore((state) => state.selectedId);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());

  const entries = useMemo(
    () => groupChains(ids, index.factsOf, (chainId) => expanded.has(chainId)),
    [ids, index, expanded],
  );

  // Adjusted while rendering, as React advises for state derived from props: when the
  // selection moves to an attempt inside a closed group, the next render lists it, and
  // nothing paints in between. A new attempt that merely closes over the selected one (a
  // retry) does not open its group.
  const [seenSelectedId, setSeenSelectedId] = useState(selectedId);
  if (selectedId !== seenSelectedId) {
    setSeenSelectedId(selectedId);
    const chainId = selectedId === null ? undefined : index.factsOf(selectedId)?.chainId;
    const hidden =
      selectedId !== null &&
      ids.includes(selectedId) &&
      !entries.some((entry) => entry.id === selectedId);
    if (hidden && chainId !== undefined && !expanded.has(chainId)) {
      setExpanded(new Set(expanded).add(chainId));
    }
  }

  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);
  const toggleChain = useCallback((chainId: string) => {
    setExpanded((open) => {
      const next = new Set(open);
      if (!next.delete(chainId)) next.add(chainId);
      return next;
    });
    // Closing the group of the selected earlier attempt moves the selection to the group's
    // head, so the selected row stays in the list.
    const { selectedId } = getAppStore().getState();
    const head = entriesRef.current.find((entry) => entry.chainId === chainId && entry.depth === 0);
    const selectedInside = entriesRef.current.some(
      (entry) => entry.chainId === chainId && entry.depth === 1 && entry.id === selectedId,
    );
    if (head !== undefined && selectedInside) storeActions().select(head.id);
  }, []);

  return { entries, index, toggleChain };
}

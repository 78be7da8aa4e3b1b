import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useEventStore } from '../../store';
import type { ChainIndex } from './chainIndex.ts';
import { EmptyEventList } from './EmptyEventList.tsx';
import type { ListEntry } from './groupChains.ts';
import { ListRow } from './ListRow.tsx';
import { updateSelection } from './selection/selectionStore.ts';
import { toggleSelection } from './selection/toggleSelection.ts';
import { storeActions } from '../common/storeActions.ts';

/** Two lines of text per row, tightly set (see `EventRow`): a dozen fit a laptop screen. */
const ROW_HEIGHT = 46;

function selectEvent(id: string): void {
  storeActions().select(id);
}

interface Props {
  /** The rows, retry chains grouped (`useChainEntries`). */
  entries: readonly ListEntry[];
  index: ChainIndex;
  onToggleChain: (chainId: string) => void;
}

/**
 * The events passing the filters, newest first, each retry chain under its newest attempt.
 * Virtualized: only the rows in view (plus a few) are in the DOM, so ten thousand events stay
 * fast.
 */
export default function EventList({ entries, index, onToggleChain }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedId = useEventStore((state) => state.selectedId);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (position) => entries[position]?.id ?? position,
    initialRect: { width: 400, height: 420 },
  });

  // A shift-click ticks the rows between, as they are listed now.
  const entriesRef = useRef(entries);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);
  const onTick = useCallback((id: string, range: boolean) => {
    const rows = entriesRef.current.map((entry) => entry.id);
    updateSelection((selection) => toggleSelection(selection, id, range, rows));
  }, []);

  // Keep the selected row in view when the selection moves (j/k, a retry, a deep link).
  const selectedIndex =
    selectedId === null ? -1 : entries.findIndex((entry) => entry.id === selectedId);
  // Only when the row is not in view already: scrolling reads the list's scroll height, which
  // makes the browser lay out the whole page at once, the freshly opened inspector included.
  useEffect(() => {
    if (selectedIndex < 0) return;
    const top = virtualizer.measurementsCache[selectedIndex]?.start;
    const offset = virtualizer.scrollOffset;
    const height = virtualizer.scrollRect?.height;
    const inView =
      top !== undefined &&
      offset !== null &&
      height !== undefined &&
      top >= offset &&
      top + ROW_HEIGHT <= offset + height;
    if (!inView) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (entries.length === 0) return <EmptyEventList />;

  return (
    <div ref={scrollRef} className="event-list-scroll" tabIndex={-1}>
      <ul
        aria-label="Events"
        className="event-list"
        style={{ height: `${String(virtualizer.getTotalSize())}px` }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index];
          if (entry === undefined) return null;
          return (
            <li
              key={item.key}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${String(item.start)}px)`, height: ROW_HEIGHT }}
            >
              <ListRow
                entry={entry}
                chainSize={Math.max(1, index.sizeOf(entry.chainId))}
                selected={entry.id === selectedId}
                onSelect={selectEvent}
                onTick={onTick}
                onToggleChain={onToggleChain}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

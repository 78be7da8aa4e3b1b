import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useEventStore } from '../../store';
import type { ChainIndex } from './chainIndex.ts';
import { EmptyEventList } from './EmptyEventList.tsx';
import { rowIdsOf, type ListRows } from './listRows.ts';
import { ListRow } from './ListRow.tsx';
import { updateSelection } from './selection/selectionStore.ts';
import { toggleSelection } from './selection/toggleSelection.ts';
import { storeActions } from '../common/storeActions.ts';

/** Two lines of text per row, tightly set (see `EventRow`): a dozen fit a laptop screen. */
const ROW_HEIGHT = 46;

function rowHeight(): number {
  return ROW_HEIGHT;
}

function selectEvent(id: string): void {
  storeActions().select(id);
}

interface Props {
  /** The rows, retry chains grouped (`useChainEntries`). */
  rows: ListRows;
  index: ChainIndex;
  onToggleChain: (chainId: string) => void;
}

/**
 * The events passing the filters, newest first, each retry chain under its newest attempt.
 * Virtualized: only the rows in view (plus a few) are in the DOM, so ten thousand events stay
 * fast.
 */
export default function EventList({ rows, index, onToggleChain }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedId = useEventStore((state) => state.selectedId);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // Every row is ROW_HEIGHT tall and none is measured, so a longer list costs one pass of
    // arithmetic, never a layout per row.
    estimateSize: rowHeight,
    overscan: 8,
    getItemKey: useCallback((position: number) => rows.idAt(position) ?? position, [rows]),
    initialRect: { width: 400, height: 420 },
  });

  // A shift-click ticks the rows between, as they are listed now.
  const rowsRef = useRef(rows);
  useEffect(() => {
    rowsRef.current = rows;
  }, [rows]);
  const onTick = useCallback((id: string, range: boolean) => {
    const ids = rowIdsOf(rowsRef.current);
    updateSelection((selection) => toggleSelection(selection, id, range, ids));
  }, []);

  // Keep the selected row in view when the selection moves (j/k, a retry, a deep link).
  const selectedIndex = selectedId === null ? -1 : rows.indexOf(selectedId);
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

  if (rows.length === 0) return <EmptyEventList />;

  return (
    <div ref={scrollRef} className="event-list-scroll" tabIndex={-1}>
      <ul
        aria-label="Events"
        className="event-list"
        style={{ height: `${String(virtualizer.getTotalSize())}px` }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const entry = rows.at(item.index);
          if (entry === undefined) return null;
          return (
            <li
              key={item.key}
              aria-setsize={rows.length}
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

import { useCallback, useEffect, useRef } from 'react';
import { useEventStore } from '../../store';
import type { ChainIndex } from './chainIndex.ts';
import { EmptyEventList } from './EmptyEventList.tsx';
import { rowIdsOf, type ListRows } from './listRows.ts';
import { ListRow } from './ListRow.tsx';
import { updateSelection } from './selection/selectionStore.ts';
import { toggleSelection } from './selection/toggleSelection.ts';
import { useFixedWindow } from './useFixedWindow.ts';
import { storeActions } from '../common/storeActions.ts';

/** Two lines of text per row, tightly set (see `EventRow`): a dozen fit a laptop screen. */
const ROW_HEIGHT = 46;

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
  const selectedId = useEventStore((state) => state.selectedId);
  // Every row is ROW_HEIGHT tall and none is measured, so the rows to draw are arithmetic on
  // the scroll position: a longer list costs nothing more per update.
  const { start, end, totalHeight, slots, setScrollElement, scrollToIndex } = useFixedWindow({
    count: rows.length,
    rowHeight: ROW_HEIGHT,
    overscan: 8,
    initialHeight: 420,
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

  // Bring the selected row into view when the selection moves (j/k, a retry, a deep link) —
  // not when new rows push it down: during a burst the list stays where the person looks
  // instead of scrolling after the selected event every frame.
  // Only when the row is not in view already: the position is worked out from what the
  // scroll listener kept, so no layout is forced when the selection moves within the view.
  // It is also brought into view when it first appears (a link to a record still loading).
  const selectedListed = selectedId !== null && rows.indexOf(selectedId) >= 0;
  useEffect(() => {
    if (selectedId !== null && selectedListed) {
      scrollToIndex(rowsRef.current.indexOf(selectedId));
    }
  }, [selectedId, selectedListed, scrollToIndex]);

  if (rows.length === 0) return <EmptyEventList />;

  const items: number[] = [];
  for (let position = start; position < end; position += 1) items.push(position);
  return (
    <div ref={setScrollElement} className="event-list-scroll" tabIndex={-1}>
      <ul aria-label="Events" className="event-list" style={{ height: `${String(totalHeight)}px` }}>
        {items.map((position) => {
          const entry = rows.at(position);
          if (entry === undefined) return null;
          return (
            <li
              // Keyed by slot, as virtualized lists key by index: when a burst puts new
              // events on top, every row shown changes, and a slot's elements are updated in
              // place instead of a screenful of rows being thrown away and built again each
              // frame. Scrolling by a row moves one slot from the top to the bottom.
              key={position % slots}
              aria-setsize={rows.length}
              aria-posinset={position + 1}
              style={{
                transform: `translateY(${String(position * ROW_HEIGHT)}px)`,
                height: ROW_HEIGHT,
              }}
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

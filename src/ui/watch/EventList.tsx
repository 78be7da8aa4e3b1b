import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useEventStore } from '../../store';
import { EmptyEventList } from './EmptyEventList.tsx';
import { EventRow } from './EventRow.tsx';
import { storeActions } from '../common/storeActions.ts';

const ROW_HEIGHT = 36;

function selectEvent(id: string): void {
  storeActions().select(id);
}

/**
 * The events passing the filters, newest first. Virtualized: only the rows in view (plus a
 * few) are in the DOM, so ten thousand events stay fast.
 */
export default function EventList({ ids }: { ids: readonly string[] }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const selectedId = useEventStore((state) => state.selectedId);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in render by design
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => ids[index] ?? index,
    initialRect: { width: 400, height: 420 },
  });

  // Keep the selected row in view when the selection moves (j/k, a retry, a deep link).
  const selectedIndex = selectedId === null ? -1 : ids.indexOf(selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (ids.length === 0) return <EmptyEventList />;

  return (
    <div ref={scrollRef} className="event-list-scroll" tabIndex={-1}>
      <ul
        aria-label="Events"
        className="event-list"
        style={{ height: `${String(virtualizer.getTotalSize())}px` }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const id = ids[item.index];
          if (id === undefined) return null;
          return (
            <li
              key={item.key}
              aria-setsize={ids.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${String(item.start)}px)`, height: ROW_HEIGHT }}
            >
              <EventRow id={id} selected={id === selectedId} onSelect={selectEvent} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

import { lazy, Suspense, useDeferredValue, useMemo, useState } from 'react';
import {
  makeFilteredIdsSelector,
  useEventStore,
  useEventStoreShallow,
  DEMO_KINDS,
} from '../../store';
import { useSourceOptions } from '../sources/useSourceOptions.ts';
import { EventFilters, type ListFilter } from './EventFilters.tsx';
import { EmptyEventList } from './EmptyEventList.tsx';
import { StatusCounters } from './StatusCounters.tsx';
import './watch.css';

// The virtualized list (TanStack Virtual) comes in its own chunk, fetched in parallel with the
// first render; until it arrives an empty history looks as the list itself would show it.
const EventList = lazy(() => import('./EventList.tsx'));

const KNOWN_KINDS = new Set(DEMO_KINDS.map((kind) => kind.kind));

/** Counters, filters and the live event list. */
export function WatchPanel() {
  const [filter, setFilter] = useState<ListFilter>({
    status: 'all',
    kind: 'all',
    search: '',
    source: 'all',
  });
  const search = useDeferredValue(filter.search);
  const selectIds = useMemo(() => makeFilteredIdsSelector(), []);
  const ids = useEventStore((state) => selectIds(state, { ...filter, search }));
  const extraKinds = useEventStoreShallow((state) => importedKinds(state.records));
  const sources = useSourceOptions();

  return (
    <>
      <StatusCounters />
      <EventFilters
        filter={filter}
        onChange={setFilter}
        extraKinds={extraKinds}
        sources={sources}
      />
      <p className="muted list-count" aria-live="polite">
        Showing {ids.length} {ids.length === 1 ? 'event' : 'events'}
      </p>
      <Suspense
        fallback={
          ids.length === 0 ? (
            <EmptyEventList />
          ) : (
            <p className="muted empty-list">Loading the events…</p>
          )
        }
      >
        <EventList ids={ids} />
      </Suspense>
    </>
  );
}

function importedKinds(records: Record<string, { kind: string }>): string[] {
  const kinds = new Set<string>();
  for (const id in records) {
    const kind = records[id]?.kind;
    if (kind !== undefined && !KNOWN_KINDS.has(kind)) kinds.add(kind);
  }
  return [...kinds].sort();
}

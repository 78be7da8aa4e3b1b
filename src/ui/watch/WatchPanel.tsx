import { useDeferredValue, useMemo, useState } from 'react';
import {
  makeFilteredIdsSelector,
  useEventStore,
  useEventStoreShallow,
  DEMO_KINDS,
} from '../../store';
import { EventFilters, type ListFilter } from './EventFilters.tsx';
import { EventList } from './EventList.tsx';
import { StatusCounters } from './StatusCounters.tsx';
import './watch.css';

const KNOWN_KINDS = new Set(DEMO_KINDS.map((kind) => kind.kind));

/** Counters, filters and the live event list. */
export function WatchPanel() {
  const [filter, setFilter] = useState<ListFilter>({ status: 'all', kind: 'all', search: '' });
  const search = useDeferredValue(filter.search);
  const selectIds = useMemo(() => makeFilteredIdsSelector(), []);
  const ids = useEventStore((state) => selectIds(state, { ...filter, search }));
  const extraKinds = useEventStoreShallow((state) => importedKinds(state.records));

  return (
    <>
      <StatusCounters />
      <EventFilters filter={filter} onChange={setFilter} extraKinds={extraKinds} />
      <p className="muted list-count" aria-live="polite">
        Showing {ids.length} {ids.length === 1 ? 'event' : 'events'}
      </p>
      <EventList ids={ids} />
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

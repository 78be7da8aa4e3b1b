import { lazy, Suspense, useDeferredValue, useId, useState, type ReactNode } from 'react';
import { DEMO_KINDS, selectNoRecords, useRecordsSelector, type RecordsCache } from '../../store';
import { readQueryParam, writeQueryParam } from '../layout/urlState.ts';
import { EmptyEventList } from './EmptyEventList.tsx';
import { EventFiltersPlaceholder } from './EventFiltersPlaceholder.tsx';
import { BulkActionsPlaceholder } from './selection/BulkActionsPlaceholder.tsx';
import type { EventsView } from './ShownEvents.tsx';
import { StatusCounters } from './StatusCounters.tsx';
import './watch.css';

// The events as listed, with the filtering, grouping and windowing they need, come in their
// own chunk, fetched in parallel with the first render; until it arrives an empty history
// looks as the list itself would show it.
const ShownEvents = lazy(() => import('./ShownEvents.tsx'));
// The filters follow the first render.
const EventFilters = lazy(() =>
  import('./EventFilters.tsx').then((module) => ({ default: module.EventFilters })),
);

const KNOWN_KINDS = new Set(DEMO_KINDS.map((kind) => kind.kind));

/** Counters, the filter query and the live event list. */
export function WatchPanel() {
  const [query, setQuery] = useState(readQueryParam);
  const deferredQuery = useDeferredValue(query);
  const extraKinds = useRecordsSelector(importedKinds);
  const [view, setView] = useState<EventsView>('list');
  const tabIds = { list: useId(), waterfall: useId(), panel: useId() };

  const onQueryChange = (next: string): void => {
    setQuery(next);
    writeQueryParam(next);
  };

  const tabs = (
    <div role="tablist" aria-label="Views of the events" className="view-tabs">
      {(['list', 'waterfall'] as const).map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={tabIds[name]}
          aria-selected={view === name}
          aria-controls={tabIds.panel}
          tabIndex={view === name ? 0 : -1}
          onClick={() => {
            setView(name);
          }}
          onKeyDown={(event) => {
            if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
              const next = name === 'list' ? 'waterfall' : 'list';
              setView(next);
              document.getElementById(tabIds[next])?.focus();
            }
          }}
        >
          {name === 'list' ? 'List' : 'Waterfall'}
        </button>
      ))}
    </div>
  );

  return (
    <>
      <StatusCounters />
      <Suspense fallback={<EventFiltersPlaceholder />}>
        <EventFilters query={query} onChange={onQueryChange} extraKinds={extraKinds} />
      </Suspense>
      <Suspense
        fallback={<EventsLoading tabs={tabs} panelId={tabIds.panel} tabId={tabIds[view]} />}
      >
        <ShownEvents
          query={deferredQuery}
          view={view}
          tabs={tabs}
          panelId={tabIds.panel}
          tabId={tabIds[view]}
        />
      </Suspense>
    </>
  );
}

/** What shows while the events' chunk loads: the tabs, and the list's empty state or a word. */
function EventsLoading({
  tabs,
  panelId,
  tabId,
}: {
  tabs: ReactNode;
  panelId: string;
  tabId: string;
}) {
  const empty = useRecordsSelector(selectNoRecords);
  return (
    <>
      <div className="list-toolbar">
        {tabs}
        <BulkActionsPlaceholder shown={0} />
      </div>
      <div role="tabpanel" id={panelId} aria-labelledby={tabId} className="list-stage">
        {empty ? <EmptyEventList /> : <p className="muted empty-list">Loading the events…</p>}
      </div>
    </>
  );
}

/** The kinds in the history that the catalogue does not know (imported); the same array until they change. */
function importedKinds(records: RecordsCache): readonly string[] {
  const kinds = records.indexes().kinds();
  const cached = extraKindsCache.get(records);
  if (cached?.kinds === kinds) return cached.extra;
  const extra = kinds.filter((kind) => !KNOWN_KINDS.has(kind));
  extraKindsCache.set(records, { kinds, extra });
  return extra;
}

const extraKindsCache = new WeakMap<
  RecordsCache,
  { kinds: readonly string[]; extra: readonly string[] }
>();

import { lazy, Suspense, useDeferredValue, useId, useMemo, useState } from 'react';
import { DEMO_KINDS, useRecordsSelector, type RecordsCache } from '../../store';
import { readQueryParam, writeQueryParam } from '../layout/urlState.ts';
import { EmptyEventList } from './EmptyEventList.tsx';
import { parseFilterQuery } from './filterQuery.ts';
import { makeQueryIdsSelector } from './makeQueryIdsSelector.ts';
import { StatusCounters } from './StatusCounters.tsx';
import { useChainEntries } from './useChainEntries.ts';
import './watch.css';

// The windowed list comes in its own chunk, fetched in parallel with the
// first render; until it arrives an empty history looks as the list itself would show it.
const EventList = lazy(() => import('./EventList.tsx'));
// The filters and the keyboard shortcuts follow the first render.
const EventFilters = lazy(() =>
  import('./EventFilters.tsx').then((module) => ({ default: module.EventFilters })),
);
const ListShortcuts = lazy(() => import('./ListShortcuts.tsx'));
// The waterfall is fetched when its tab is first opened.
const Waterfall = lazy(() => import('../waterfall/Waterfall.tsx'));
// Bulk actions bring the export formats and a mutation; they follow the first render.
const BulkActions = lazy(() =>
  import('./selection/BulkActions.tsx').then((module) => ({ default: module.BulkActions })),
);

type View = 'list' | 'waterfall';

const KNOWN_KINDS = new Set(DEMO_KINDS.map((kind) => kind.kind));

/** Counters, the filter query and the live event list. */
export function WatchPanel() {
  const [query, setQuery] = useState(readQueryParam);
  const deferredQuery = useDeferredValue(query);
  const parsed = useMemo(() => parseFilterQuery(deferredQuery), [deferredQuery]);
  const selectIds = useMemo(() => makeQueryIdsSelector(), []);
  const ids = useRecordsSelector((records) => selectIds(records, parsed));
  const extraKinds = useRecordsSelector(importedKinds);
  const { rows, index, toggleChain } = useChainEntries(ids);
  const [view, setView] = useState<View>('list');
  const tabIds = { list: useId(), waterfall: useId(), panel: useId() };

  const onQueryChange = (next: string): void => {
    setQuery(next);
    writeQueryParam(next);
  };

  return (
    <>
      <Suspense fallback={null}>
        <ListShortcuts rows={rows} />
      </Suspense>
      <StatusCounters />
      <Suspense fallback={null}>
        <EventFilters query={query} onChange={onQueryChange} extraKinds={extraKinds} />
      </Suspense>
      {/* One compact row above the list: the view tabs and the selection. */}
      <div className="list-toolbar">
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
        {/* Said to screen readers as the filters change; on screen "Select all N shown" says it. */}
        <p className="visually-hidden" aria-live="polite">
          Showing {ids.length} {ids.length === 1 ? 'event' : 'events'}
        </p>
        <Suspense fallback={null}>
          <BulkActions shown={ids} />
        </Suspense>
      </div>
      {/* The list takes every pixel the panel has left: it is the main stage. */}
      <div role="tabpanel" id={tabIds.panel} aria-labelledby={tabIds[view]} className="list-stage">
        <Suspense
          fallback={
            ids.length === 0 ? (
              <EmptyEventList />
            ) : (
              <p className="muted empty-list">Loading the events…</p>
            )
          }
        >
          {view === 'list' ? (
            <EventList rows={rows} index={index} onToggleChain={toggleChain} />
          ) : (
            <Waterfall ids={ids} />
          )}
        </Suspense>
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

import { lazy, Suspense, useMemo, type ReactNode } from 'react';
import { useRecordsSelector } from '../../store';
import { EmptyEventList } from './EmptyEventList.tsx';
import EventList from './EventList.tsx';
import { parseFilterQuery } from './filterQuery.ts';
import ListShortcuts from './ListShortcuts.tsx';
import { BulkActionsPlaceholder } from './selection/BulkActionsPlaceholder.tsx';
import { makeQueryIdsSelector } from './makeQueryIdsSelector.ts';
import { LIST_EVERY_MS } from './shownIds.ts';
import { useChainEntries } from './useChainEntries.ts';

// The waterfall is fetched when its tab is first opened.
const Waterfall = lazy(() => import('../waterfall/Waterfall.tsx'));
// Bulk actions bring the export formats and a mutation; they follow the first render.
const BulkActions = lazy(() =>
  import('./selection/BulkActions.tsx').then((module) => ({ default: module.BulkActions })),
);

export type EventsView = 'list' | 'waterfall';

interface Props {
  query: string;
  view: EventsView;
  /** The view tabs, first in the toolbar above the events. */
  tabs: ReactNode;
  panelId: string;
  /** The id of the tab whose panel this is. */
  tabId: string;
}

/**
 * The events passing the filter query, as the toolbar's count and bulk actions and as the
 * list or the waterfall. With the filtering and grouping it needs, it comes in a chunk of its
 * own, fetched in parallel with the first render (see `EventsLoading`).
 */
export default function ShownEvents({ query, view, tabs, panelId, tabId }: Props) {
  const parsed = useMemo(() => parseFilterQuery(query), [query]);
  const selectIds = useMemo(() => makeQueryIdsSelector(), []);
  const ids = useRecordsSelector((records) => selectIds(records, parsed), {
    everyMs: LIST_EVERY_MS,
  });
  const { rows, index, toggleChain } = useChainEntries(ids);
  return (
    <>
      <ListShortcuts rows={rows} />
      {/* One compact row above the list: the view tabs and the selection. */}
      <div className="list-toolbar">
        {tabs}
        {/* Said to screen readers as the filters change; on screen "Select all N shown" says it. */}
        <p className="visually-hidden" aria-live="polite">
          Showing {ids.length} {ids.length === 1 ? 'event' : 'events'}
        </p>
        <Suspense fallback={<BulkActionsPlaceholder shown={ids.length} />}>
          <BulkActions shown={ids} />
        </Suspense>
      </div>
      {/* The list takes every pixel the panel has left: it is the main stage. */}
      <div role="tabpanel" id={panelId} aria-labelledby={tabId} className="list-stage">
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

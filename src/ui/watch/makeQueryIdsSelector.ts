import type { EventRecord, EventStoreState } from '../../store';
import { isEmptyQuery, matchesQuery, type FilterQuery } from './filterQuery.ts';

/**
 * A memoised "ids passing this query, newest first" selector: the result keeps its identity
 * while the ids are the same, so the list re-renders only when what it shows changed.
 */
export function makeQueryIdsSelector(): (
  state: Pick<EventStoreState, 'records' | 'order'>,
  query: FilterQuery,
) => readonly string[] {
  let lastRecords: Record<string, EventRecord> | undefined;
  let lastOrder: readonly string[] | undefined;
  let lastQuery: FilterQuery | undefined;
  let lastResult: readonly string[] = [];
  return (state, query) => {
    if (state.records === lastRecords && state.order === lastOrder && query === lastQuery) {
      return lastResult;
    }
    const result = isEmptyQuery(query)
      ? state.order
      : state.order.filter((id) => {
          const record = state.records[id];
          return record !== undefined && matchesQuery(record, query);
        });
    lastRecords = state.records;
    lastOrder = state.order;
    lastQuery = query;
    if (!sameIds(result, lastResult)) lastResult = result;
    return lastResult;
  };
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((id, index) => id === b[index]);
}

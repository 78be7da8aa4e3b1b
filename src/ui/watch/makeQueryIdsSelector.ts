import type { RecordsCache } from '../../store';
import { isEmptyQuery, matchesQuery, type FilterQuery } from './filterQuery.ts';

/**
 * A memoised "ids passing this query, newest first" selector: the result keeps its identity
 * while the ids are the same, so the list re-renders only when what it shows changed.
 * Without a query it is the records' own order, which changes only when records are added
 * or removed; with one, it is worked out again when any record changed.
 */
export function makeQueryIdsSelector(): (
  records: RecordsCache,
  query: FilterQuery,
) => readonly string[] {
  let lastRecords: RecordsCache | undefined;
  let lastVersion = -1;
  let lastQuery: FilterQuery | undefined;
  let lastResult: readonly string[] = [];
  return (records, query) => {
    const empty = isEmptyQuery(query);
    const version = empty ? records.order.version : records.version();
    if (records === lastRecords && version === lastVersion && query === lastQuery) {
      return lastResult;
    }
    const ids = records.order.toArray();
    const result = empty
      ? ids
      : ids.filter((id) => {
          const record = records.get(id);
          return record !== undefined && matchesQuery(record, query);
        });
    lastRecords = records;
    lastVersion = version;
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

import type { IdList, RecordsCache } from '../../store';
import { isEmptyQuery, matchesQuery, type FilterQuery } from './filterQuery.ts';
import { keyedList, type KeyedList } from './keyedList.ts';
import type { ShownIds } from './shownIds.ts';

/**
 * A memoised "ids passing this query, newest first" selector: the result keeps its identity
 * while the ids are the same, so the list re-renders only when what it shows changed.
 * Without a query it is a view of the records' own order (nothing copied), new only when
 * records are added or removed. With one, it follows the records' changes: each update looks
 * at the records changed since the last one (O(changed × log n)), and the whole history is
 * read again only for a new query or when the changes are no longer known.
 */
export function makeQueryIdsSelector(): (records: RecordsCache, query: FilterQuery) => ShownIds {
  let lastRecords: RecordsCache | undefined;
  let lastQuery: FilterQuery | undefined;
  let lastVersion = -1;
  let lastOrderVersion = -1;
  let lastResult: ShownIds | undefined;
  let filtered: FilteredIds | undefined;

  return (records, query) => {
    const version = records.version();
    if (
      lastResult !== undefined &&
      records === lastRecords &&
      query === lastQuery &&
      version === lastVersion
    ) {
      return lastResult;
    }
    const sameSource = records === lastRecords && query === lastQuery;
    lastRecords = records;
    lastQuery = query;
    lastVersion = version;

    if (isEmptyQuery(query)) {
      filtered = undefined;
      if (sameSource && lastResult !== undefined && records.order.version === lastOrderVersion) {
        return lastResult;
      }
      lastOrderVersion = records.order.version;
      lastResult = {
        ...viewMethods(records.order.view()),
        basis: sameSource && lastResult !== undefined ? lastResult.basis : {},
      };
      return lastResult;
    }

    const touched =
      sameSource && filtered !== undefined ? records.changedSince(filtered.version) : undefined;
    if (filtered === undefined || touched === undefined) {
      filtered = filterAll(records, query, version);
      lastResult = shownOf(filtered.list, records, {});
      return lastResult;
    }
    const list = filtered.update(records, query, touched, version);
    if (lastResult === undefined || list !== filtered.shown) {
      lastResult = shownOf(list, records, lastResult?.basis ?? {});
    }
    filtered.shown = list;
    return lastResult;
  };
}

/** The matching ids kept by rank (as keys `-rank`, so the newest comes first). */
interface FilteredIds {
  /** The records' version the ids were last brought up to. */
  version: number;
  list: KeyedList<string>;
  /** The list last handed out. */
  shown: KeyedList<string>;
  update(
    records: RecordsCache,
    query: FilterQuery,
    touched: ReadonlySet<string>,
    version: number,
  ): KeyedList<string>;
}

function filterAll(records: RecordsCache, query: FilterQuery, version: number): FilteredIds {
  /** Each matching id's rank when it was let in: the key to take it out by. */
  const ranks = new Map<string, number>();
  const entries: [number, string][] = [];
  const { order } = records;
  for (let index = 0; index < order.length; index += 1) {
    const id = order.at(index);
    const record = id === undefined ? undefined : records.get(id);
    const rank = id === undefined ? undefined : order.rankOf(id);
    if (id === undefined || record === undefined || rank === undefined) continue;
    if (!matchesQuery(record, query)) continue;
    ranks.set(id, rank);
    entries.push([-rank, id]);
  }
  const initial = keyedList(entries);
  const state: FilteredIds = {
    version,
    list: initial,
    shown: initial,
    update(records, query, touched, version) {
      const removed: number[] = [];
      const added: [number, string][] = [];
      for (const id of touched) {
        const record = records.get(id);
        const rank = records.order.rankOf(id);
        const matches = record !== undefined && rank !== undefined && matchesQuery(record, query);
        const was = ranks.get(id);
        // An id removed and listed again since has a new rank: out at the old, in at the new.
        if (was !== undefined && (!matches || was !== rank)) {
          removed.push(-was);
          ranks.delete(id);
        }
        if (matches && !ranks.has(id)) {
          added.push([-rank, id]);
          ranks.set(id, rank);
        }
      }
      state.version = version;
      state.list = state.list.with(removed, added);
      return state.list;
    },
  };
  return state;
}

/** The filtered ids as the list reads them. */
function shownOf(list: KeyedList<string>, records: RecordsCache, basis: object): ShownIds {
  let array: readonly string[] | undefined;
  return {
    length: list.length,
    at: (index) => list.at(index),
    indexOf(id) {
      const rank = records.order.rankOf(id);
      if (rank === undefined) return -1;
      const index = list.indexOfKey(-rank);
      return list.at(index) === id ? index : -1;
    },
    toArray() {
      array ??= list.values();
      return array;
    },
    basis,
  };
}

/** The methods of an `IdList`, bound, so they can be spread into a new object. */
function viewMethods(view: IdList): IdList {
  return {
    length: view.length,
    at: (index: number) => view.at(index),
    indexOf: (id: string) => view.indexOf(id),
    toArray: () => view.toArray(),
  };
}

/**
 * A read-only list of ids, newest first, as it was when taken: later changes of the list it
 * came from do not show through.
 */
export interface IdList {
  readonly length: number;
  /** The id at `index`, or `undefined` outside the list. */
  at(index: number): string | undefined;
  /** Where `id` is listed, or -1 (for a list taken earlier: -1 once `id` left it since). */
  indexOf(id: string): number;
  /** The ids as an array (a copy the first time, then the same array). */
  toArray(): readonly string[];
}

/**
 * Record ids, newest first, kept as two append-only logs so adding ids never copies the list:
 * `newer` grows at the top of the list (launches, imports, remote records), `older` at its
 * bottom (saved history read in after the page started). Position `i` of the newest-first
 * list is read through an index; `version` changes whenever the list does.
 *
 * Every listed id has a rank, bigger for newer: ids listed above the list count up, ids
 * listed below count down, so an id's rank never changes while it is listed (not even when
 * others are removed) and sorting by rank, biggest first, gives the list's order.
 */
export interface IdOrder {
  /** Ids listed. */
  readonly length: number;
  /** Bumped on every change of the list. */
  readonly version: number;
  /** The id at `index` of the newest-first list, or `undefined` outside it. */
  at(index: number): string | undefined;
  /** The rank of a listed id (bigger is newer), or `undefined` when it is not listed. */
  rankOf(id: string): number | undefined;
  /** Lists `ids` above every id listed now; the last of `ids` ends up first. */
  addNewer(ids: readonly string[]): void;
  /** Lists `ids` below every id listed now, in that order. */
  addOlder(ids: readonly string[]): void;
  /** Takes `ids` out of the list (O(listed ids): removals are rare). */
  remove(ids: ReadonlySet<string>): void;
  clear(): void;
  /**
   * The list as it is now, read in place (O(1) to take, O(log n) `indexOf`); the same object
   * until the list changes.
   */
  view(): IdList;
  /** The newest-first list as an array; the same array until the list changes. */
  toArray(): readonly string[];
}

export function createIdOrder(): IdOrder {
  // `newer` and `older` only ever grow in place; a removal or a clear makes new arrays, so a
  // view taken earlier keeps reading the arrays and lengths it was taken with.
  let newer: string[] = [];
  let newerRanks: number[] = [];
  let older: string[] = [];
  let olderRanks: number[] = [];
  const ranks = new Map<string, number>();
  let top = 0;
  let bottom = 0;
  let version = 0;
  let current: IdList | undefined;
  const view = (): IdList => {
    current ??= viewOf(newer, newerRanks, older, olderRanks, ranks);
    return current;
  };

  return {
    get length() {
      return newer.length + older.length;
    },
    get version() {
      return version;
    },
    at(index) {
      if (!Number.isInteger(index) || index < 0) return undefined;
      return index < newer.length ? newer[newer.length - 1 - index] : older[index - newer.length];
    },
    rankOf: (id) => ranks.get(id),
    addNewer(ids) {
      if (ids.length === 0) return;
      for (const id of ids) {
        top += 1;
        newer.push(id);
        newerRanks.push(top);
        ranks.set(id, top);
      }
      version += 1;
      current = undefined;
    },
    addOlder(ids) {
      if (ids.length === 0) return;
      for (const id of ids) {
        bottom -= 1;
        older.push(id);
        olderRanks.push(bottom);
        ranks.set(id, bottom);
      }
      version += 1;
      current = undefined;
    },
    remove(ids) {
      if (ids.size === 0) return;
      [newer, newerRanks] = without(newer, newerRanks, ids);
      [older, olderRanks] = without(older, olderRanks, ids);
      for (const id of ids) ranks.delete(id);
      version += 1;
      current = undefined;
    },
    clear() {
      newer = [];
      newerRanks = [];
      older = [];
      olderRanks = [];
      ranks.clear();
      version += 1;
      current = undefined;
    },
    view,
    toArray: () => view().toArray(),
  };
}

function without(
  ids: readonly string[],
  ranks: readonly number[],
  gone: ReadonlySet<string>,
): [string[], number[]] {
  const keptIds: string[] = [];
  const keptRanks: number[] = [];
  for (const [index, id] of ids.entries()) {
    if (gone.has(id)) continue;
    keptIds.push(id);
    keptRanks.push(ranks[index] ?? 0);
  }
  return [keptIds, keptRanks];
}

/** The list made of the logs' first entries, as long as they are now. */
function viewOf(
  newer: readonly string[],
  newerRanks: readonly number[],
  older: readonly string[],
  olderRanks: readonly number[],
  ranks: ReadonlyMap<string, number>,
): IdList {
  const newerLength = newer.length;
  const olderLength = older.length;
  let array: readonly string[] | undefined;
  return {
    length: newerLength + olderLength,
    at(index) {
      if (!Number.isInteger(index) || index < 0) return undefined;
      if (index < newerLength) return newer[newerLength - 1 - index];
      return index - newerLength < olderLength ? older[index - newerLength] : undefined;
    },
    indexOf(id) {
      // Ranks grow along `newer` and fall along `older`: a binary search finds the id's place.
      const rank = ranks.get(id);
      if (rank === undefined) return -1;
      if (rank > 0) {
        const at = searchSorted(newerRanks, newerLength, rank, 1);
        return newer[at] === id ? newerLength - 1 - at : -1;
      }
      const at = searchSorted(olderRanks, olderLength, rank, -1);
      return older[at] === id ? newerLength + at : -1;
    },
    toArray() {
      array ??= newer.slice(0, newerLength).reverse().concat(older.slice(0, olderLength));
      return array;
    },
  };
}

/** Where `rank` is among the first `length` of `ranks` (sorted one way, `direction`), or -1. */
function searchSorted(
  ranks: readonly number[],
  length: number,
  rank: number,
  direction: 1 | -1,
): number {
  let low = 0;
  let high = length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const difference = ((ranks[middle] ?? 0) - rank) * direction;
    if (difference === 0) return middle;
    if (difference < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

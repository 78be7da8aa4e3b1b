import type { RecordsCache } from '../../store';
import { groupChains, type ListEntry } from './groupChains.ts';
import { keyedList, type KeyedList } from './keyedList.ts';
import type { ListRows } from './listRows.ts';
import type { ShownIds } from './shownIds.ts';

/**
 * `groupChains` kept up to date by what changed: each update regroups only the chains of the
 * records changed since the last one (`RecordsCache.changedSince`) and of the chains opened or
 * closed, O(changed × their chains' attempts), not O(listed ids). It starts over, in one
 * `groupChains` pass, for a new filter (`ShownIds.basis`) or when the changes are not known.
 * Its rows equal `groupChains(ids, factsOf, isExpanded)` after every update, and keep their
 * identity (the rows object and each unchanged entry) when nothing shown changed.
 */
export interface ChainGrouper {
  rows(ids: ShownIds, records: RecordsCache, expanded: ReadonlySet<string>): ListRows;
  /** Forgets the grouping (nothing to group); the next `rows` starts over. */
  reset(): void;
}

/** A chain's rows as listed: keys (where they sit) and entries, head first. */
interface Group {
  keys: number[];
  entries: ListEntry[];
}

/**
 * Rows are kept by key: a group sits at its head's rank (newest first, so the key is the
 * negated rank) and its earlier attempts follow in steps of one. Ranks are integers, so the
 * steps stay inside a group up to this many rows.
 */
const GROUP_SPAN = 2 ** 20;

const keyOf = (headRank: number, step: number): number => -headRank * GROUP_SPAN + step;

interface State {
  records: RecordsCache;
  basis: object;
  version: number;
  expanded: ReadonlySet<string>;
  /** The chain of every listed id. */
  chainOf: Map<string, string>;
  groups: Map<string, Group>;
  /** The key of every id that has a row. */
  rowKeys: Map<string, number>;
  list: KeyedList<ListEntry>;
  rows: ListRows;
}

export function makeChainGrouper(): ChainGrouper {
  let state: State | undefined;
  return {
    rows(ids, records, expanded) {
      if (state?.records !== records || state.basis !== ids.basis) {
        state = groupAll(ids, records, expanded);
        return state.rows;
      }
      const touched = records.changedSince(state.version);
      if (touched === undefined) {
        state = groupAll(ids, records, expanded);
        return state.rows;
      }
      regroup(state, ids, touched, expanded);
      return state.rows;
    },
    reset() {
      state = undefined;
    },
  };
}

function groupAll(ids: ShownIds, records: RecordsCache, expanded: ReadonlySet<string>): State {
  const listed = ids.toArray();
  const chainOf = new Map<string, string>();
  for (const id of listed) {
    const record = records.get(id);
    if (record !== undefined) chainOf.set(id, record.chainId);
  }
  const entries = groupChains(
    listed,
    (id) => {
      const record = records.get(id);
      return record === undefined
        ? undefined
        : { chainId: record.chainId, attempt: record.attempt };
    },
    (chainId) => expanded.has(chainId),
  );
  const groups = new Map<string, Group>();
  const rowKeys = new Map<string, number>();
  const keyed: [number, ListEntry][] = [];
  let group: Group | undefined;
  for (const entry of entries) {
    if (entry.depth === 0 || group === undefined) {
      group = { keys: [], entries: [] };
      groups.set(entry.chainId, group);
    }
    const headRank = records.order.rankOf(group.entries[0]?.id ?? entry.id) ?? 0;
    const key = keyOf(headRank, group.keys.length);
    group.keys.push(key);
    group.entries.push(entry);
    rowKeys.set(entry.id, key);
    keyed.push([key, entry]);
  }
  const list = keyedList(keyed);
  return {
    records,
    basis: ids.basis,
    version: records.version(),
    expanded,
    chainOf,
    groups,
    rowKeys,
    list,
    rows: rowsOf(list, rowKeys),
  };
}

function regroup(
  state: State,
  ids: ShownIds,
  touched: ReadonlySet<string>,
  expanded: ReadonlySet<string>,
): void {
  const { records, chainOf } = state;
  const chains = new Set<string>();
  for (const id of touched) {
    const before = chainOf.get(id);
    if (before !== undefined) chains.add(before);
    const record = records.get(id);
    if (record !== undefined && ids.indexOf(id) >= 0) {
      chainOf.set(id, record.chainId);
      chains.add(record.chainId);
    } else {
      chainOf.delete(id);
    }
  }
  if (expanded !== state.expanded) {
    for (const chainId of expanded) if (!state.expanded.has(chainId)) chains.add(chainId);
    for (const chainId of state.expanded) if (!expanded.has(chainId)) chains.add(chainId);
  }
  state.version = records.version();
  state.expanded = expanded;

  // Every changed group is taken out before any is put in: an id can move between chains.
  const changed: [string, Group | undefined][] = [];
  const removed: number[] = [];
  for (const chainId of chains) {
    const before = state.groups.get(chainId);
    const after = groupOf(state, chainId, expanded.has(chainId), before);
    if (after !== undefined && before !== undefined && sameGroup(before, after)) continue;
    changed.push([chainId, after]);
    if (before === undefined) continue;
    removed.push(...before.keys);
    for (const entry of before.entries) state.rowKeys.delete(entry.id);
    state.groups.delete(chainId);
  }
  const added: [number, ListEntry][] = [];
  for (const [chainId, after] of changed) {
    if (after === undefined) continue;
    state.groups.set(chainId, after);
    for (const [index, entry] of after.entries.entries()) {
      const key = after.keys[index] ?? 0;
      state.rowKeys.set(entry.id, key);
      added.push([key, entry]);
    }
  }
  if (removed.length === 0 && added.length === 0) return;
  state.list = state.list.with(removed, added);
  state.rows = rowsOf(state.list, state.rowKeys);
}

/**
 * The rows of `chainId` as `groupChains` lists them: its listed attempts, newest attempt
 * first (equal attempts newest listed first), under the head when open. Entries equal to
 * the ones before are kept, so unchanged rows keep their identity.
 */
function groupOf(
  state: State,
  chainId: string,
  open: boolean,
  before: Group | undefined,
): Group | undefined {
  const { records, chainOf } = state;
  const members: Member[] = [];
  for (const id of records.indexes().chainMembers(chainId)) {
    if (chainOf.get(id) !== chainId) continue;
    const record = records.get(id);
    const rank = records.order.rankOf(id);
    if (record !== undefined && rank !== undefined) {
      members.push({ id, attempt: record.attempt, rank });
    }
  }
  const several = members.length > 1;
  const expanded = several && open;
  // A closed group needs only its head: one pass, no sort (a chain may hold thousands).
  const head = expanded ? members.sort(newestFirst)[0] : members.reduce(newer, members[0]);
  if (head === undefined) return undefined;
  const fresh: ListEntry[] = [
    { id: head.id, chainId, depth: 0, earlier: members.length - 1, expanded },
  ];
  if (expanded) {
    for (const member of members.slice(1)) {
      fresh.push({ id: member.id, chainId, depth: 1, earlier: 0, expanded: false });
    }
  }
  const entries = fresh.map((entry, index) => {
    const old = before?.entries[index];
    return old !== undefined && sameEntry(old, entry) ? old : entry;
  });
  return { keys: entries.map((_, index) => keyOf(head.rank, index)), entries };
}

interface Member {
  id: string;
  attempt: number;
  rank: number;
}

/** Newest attempt first; equal attempts as listed (newer first). */
const newestFirst = (a: Member, b: Member): number => b.attempt - a.attempt || b.rank - a.rank;

const newer = (best: Member | undefined, member: Member): Member | undefined =>
  best === undefined || newestFirst(member, best) < 0 ? member : best;

function sameGroup(a: Group, b: Group): boolean {
  return (
    a.entries.length === b.entries.length &&
    a.entries.every((entry, index) => entry === b.entries[index] && a.keys[index] === b.keys[index])
  );
}

function sameEntry(a: ListEntry, b: ListEntry): boolean {
  return (
    a.id === b.id &&
    a.chainId === b.chainId &&
    a.depth === b.depth &&
    a.earlier === b.earlier &&
    a.expanded === b.expanded
  );
}

function rowsOf(list: KeyedList<ListEntry>, rowKeys: ReadonlyMap<string, number>): ListRows {
  return {
    length: list.length,
    at: (index) => list.at(index),
    idAt: (index) => list.at(index)?.id,
    indexOf(id) {
      const key = rowKeys.get(id);
      if (key === undefined) return -1;
      const index = list.indexOfKey(key);
      return list.at(index)?.id === id ? index : -1;
    },
  };
}

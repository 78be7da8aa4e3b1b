import { compareByCreated } from '../createdMs';
import type { EventRecord } from '../eventRecord';
import { sourceKeyOf } from '../remote/sourceKey';
import { createStatusTally, type StatusCounts, type StatusTally } from './statusCounts';

/**
 * What the dashboard counts and groups, kept up to date one record at a time: counts per
 * status (in all and per source), the kinds present, and the members of every retry chain.
 * Each change costs O(1) (a chain's sorted list is rebuilt when that chain is next read).
 */
export interface RecordIndexes {
  /** `record` entered the history. */
  add(record: EventRecord): void;
  /** `record` left the history (replaced or removed). */
  drop(record: EventRecord): void;
  reset(): void;
  counts(): StatusCounts;
  /** Counts per source key (`sourceKeyOf`); the same map until a source appears or goes. */
  sources(): ReadonlyMap<string, StatusTally>;
  /** The kinds present, sorted; the same array until a kind appears or goes. */
  kinds(): readonly string[];
  /** How many chains have more than one attempt in the history (0 when nothing is grouped). */
  multiAttemptChains(): number;
  /** How many attempts the chain has in the history (0 for an unknown chain). */
  chainSize(chainId: string): number;
  /** Ids of the chain's attempts (unordered); none for an unknown chain. */
  chainMembers(chainId: string): Iterable<string>;
  /** The chain's attempts sorted (attempt, then creation); the same array while it holds. */
  chain(chainId: string, get: (id: string) => EventRecord | undefined): readonly EventRecord[];
}

const NO_RECORDS: readonly EventRecord[] = [];

export function createRecordIndexes(): RecordIndexes {
  const all = createStatusTally();
  let sources = new Map<string, StatusTally>();
  const kindCounts = new Map<string, number>();
  let kinds: readonly string[] | undefined;
  // Most chains have one attempt: its id stands for the chain until a second one comes, so a
  // history of 100,000 events keeps 100,000 strings here, not 100,000 sets.
  const chains = new Map<string, string | Set<string>>();
  const sortedChains = new Map<string, readonly EventRecord[]>();
  let multiAttemptChains = 0;

  return {
    add(record) {
      all.add(record.status);
      const key = sourceKeyOf(record);
      let tally = sources.get(key);
      if (tally === undefined) {
        tally = createStatusTally();
        sources = new Map(sources).set(key, tally);
      }
      tally.add(record.status);
      const kindCount = kindCounts.get(record.kind) ?? 0;
      kindCounts.set(record.kind, kindCount + 1);
      if (kindCount === 0) kinds = undefined;
      const members = chains.get(record.chainId);
      if (members === undefined) {
        chains.set(record.chainId, record.id);
      } else if (typeof members === 'string') {
        if (members !== record.id) {
          chains.set(record.chainId, new Set([members, record.id]));
          multiAttemptChains += 1;
        }
      } else {
        members.add(record.id);
      }
      sortedChains.delete(record.chainId);
    },
    drop(record) {
      all.drop(record.status);
      const key = sourceKeyOf(record);
      const tally = sources.get(key);
      tally?.drop(record.status);
      if (tally?.snapshot().total === 0) {
        sources = new Map(sources);
        sources.delete(key);
      }
      const kindCount = (kindCounts.get(record.kind) ?? 0) - 1;
      if (kindCount <= 0) {
        kindCounts.delete(record.kind);
        kinds = undefined;
      } else {
        kindCounts.set(record.kind, kindCount);
      }
      const members = chains.get(record.chainId);
      if (members === record.id) {
        chains.delete(record.chainId);
      } else if (typeof members === 'object' && members.delete(record.id)) {
        if (members.size === 1) {
          const [last = record.id] = members;
          chains.set(record.chainId, last);
          multiAttemptChains -= 1;
        }
      }
      sortedChains.delete(record.chainId);
    },
    reset() {
      all.reset();
      sources = new Map();
      kindCounts.clear();
      kinds = undefined;
      chains.clear();
      sortedChains.clear();
      multiAttemptChains = 0;
    },
    counts: () => all.snapshot(),
    sources: () => sources,
    kinds() {
      kinds ??= [...kindCounts.keys()].sort();
      return kinds;
    },
    multiAttemptChains: () => multiAttemptChains,
    chainSize(chainId) {
      const members = chains.get(chainId);
      return members === undefined ? 0 : typeof members === 'string' ? 1 : members.size;
    },
    chainMembers(chainId) {
      const members = chains.get(chainId);
      return members === undefined ? [] : typeof members === 'string' ? [members] : members;
    },
    chain(chainId, get) {
      let sorted = sortedChains.get(chainId);
      if (sorted === undefined) {
        const members = chains.get(chainId);
        if (members === undefined) return NO_RECORDS;
        const list: EventRecord[] = [];
        for (const id of typeof members === 'string' ? [members] : members) {
          const record = get(id);
          if (record !== undefined) list.push(record);
        }
        list.sort((a, b) => a.attempt - b.attempt || compareByCreated(a, b));
        sorted = list;
        sortedChains.set(chainId, sorted);
      }
      return sorted;
    },
  };
}

import type { RecordsCache } from '../../store';
import type { ChainFacts } from './groupChains.ts';

/** Every record's chain and attempt, and how many attempts each chain has in the history. */
export interface ChainIndex {
  factsOf: (id: string) => ChainFacts | undefined;
  sizeOf: (chainId: string) => number;
  /** How many chains have more than one attempt in the history: with none, nothing groups. */
  multiAttemptChains: number;
}

/**
 * A memoised {@link ChainIndex} selector over the records cache, which keeps the chains
 * itself: reading costs O(1) per record. A record's chain and attempt never change once it
 * is listed, so the index is a new object (for memos downstream) only when records are added
 * or removed, not on every status update.
 */
export function makeChainIndexSelector(): (records: RecordsCache) => ChainIndex {
  let lastRecords: RecordsCache | undefined;
  let lastVersion = -1;
  let last: ChainIndex | undefined;
  return (records) => {
    if (last !== undefined && records === lastRecords && records.order.version === lastVersion) {
      return last;
    }
    lastRecords = records;
    lastVersion = records.order.version;
    last = {
      factsOf: (id) => {
        const record = records.get(id);
        return record === undefined
          ? undefined
          : { chainId: record.chainId, attempt: record.attempt };
      },
      sizeOf: (chainId) => records.indexes().chainSize(chainId),
      multiAttemptChains: records.indexes().multiAttemptChains(),
    };
    return last;
  };
}

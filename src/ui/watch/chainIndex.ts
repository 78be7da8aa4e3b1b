import type { EventStoreState } from '../../store';
import type { ChainFacts } from './groupChains.ts';

/** Every record's chain and attempt, and how many attempts each chain has in the history. */
export interface ChainIndex {
  factsOf: ReadonlyMap<string, ChainFacts>;
  sizeOf: ReadonlyMap<string, number>;
}

/**
 * A memoised {@link ChainIndex} selector. A record's chain and attempt never change once it is
 * listed, so the index is rebuilt only when records are added or removed (`order` changes),
 * not on every status update.
 */
export function makeChainIndexSelector(): (
  state: Pick<EventStoreState, 'records' | 'order'>,
) => ChainIndex {
  let lastOrder: readonly string[] | undefined;
  let last: ChainIndex = { factsOf: new Map(), sizeOf: new Map() };
  return (state) => {
    if (state.order === lastOrder) return last;
    const factsOf = new Map<string, ChainFacts>();
    const sizeOf = new Map<string, number>();
    for (const id of state.order) {
      const record = state.records[id];
      if (record === undefined) continue;
      factsOf.set(id, { chainId: record.chainId, attempt: record.attempt });
      sizeOf.set(record.chainId, (sizeOf.get(record.chainId) ?? 0) + 1);
    }
    lastOrder = state.order;
    last = { factsOf, sizeOf };
    return last;
  };
}

import { createEventStore } from './createEventStore';
import type { EventRecord } from './eventRecord';
import type { ActionResult, EventStore, EventStoreOptions, StorageLike } from './types';

/** Every record of `store`, newest first. */
export function allRecords(store: EventStore): EventRecord[] {
  return store.records.order.toArray().flatMap((id) => store.records.get(id) ?? []);
}

/** Test support: a store whose frames are flushed by hand, with its updates counted. */
export interface TestStore {
  store: EventStore;
  /** Runs every scheduled flush now. */
  flush(): void;
  /** How many flushes were scheduled since the last `flush()`. */
  readonly scheduled: number;
  /** How many commits the store's records had (each notifies their subscribers once). */
  readonly updates: number;
  resetUpdates(): void;
}

export function createTestStore(options: EventStoreOptions = {}): TestStore {
  let queue: (() => void)[] = [];
  let updates = 0;
  const store = createEventStore({
    storage: null,
    clock: { now: () => Date.now() },
    frameBudgetMs: Infinity,
    schedule: (flush) => {
      queue.push(flush);
    },
    ...options,
  });
  store.records.subscribe(() => {
    updates += 1;
  });
  return {
    store,
    flush() {
      const pending = queue;
      queue = [];
      for (const flush of pending) flush();
    },
    get scheduled() {
      return queue.length;
    },
    get updates() {
      return updates;
    },
    resetUpdates() {
      updates = 0;
    },
  };
}

/** A `Storage` in a `Map`, that can be made to fail the way browsers fail. */
export class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  /** `setItem` throws a `QuotaExceededError`. */
  full = false;
  /** `setItem` of a longer value throws a `QuotaExceededError`. */
  capacity = Number.POSITIVE_INFINITY;
  /** Every call throws a `SecurityError`, as when storage is disabled. */
  disabled = false;
  writes = 0;

  getItem(key: string): string | null {
    this.#check();
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.#check();
    if (this.full || value.length > this.capacity)
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.writes += 1;
    this.items.set(key, value);
  }

  removeItem(key: string): void {
    this.#check();
    this.items.delete(key);
  }

  get length(): number {
    this.#check();
    return this.items.size;
  }

  key(index: number): string | null {
    this.#check();
    return [...this.items.keys()][index] ?? null;
  }

  #check(): void {
    if (this.disabled) {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    }
  }
}

/** {@link createTestStore}, once the saved history was read in. */
export async function createHydratedTestStore(options: EventStoreOptions = {}): Promise<TestStore> {
  const harness = createTestStore(options);
  await harness.store.getState().whenHydrated();
  return harness;
}

/** The id of the fresh attempt `retryFresh` made; fails the test when it made none. */
export function freshIdOf(result: ActionResult<{ id: string }>): string {
  if (!result.ok) throw new Error(`retryFresh failed: ${result.error}`);
  return result.id;
}

/** Why an action failed; fails the test when it worked. */
export function errorOf(result: ActionResult): string {
  if (result.ok) throw new Error('the action worked');
  return result.error;
}

/**
 * One batching point, in the manner of TanStack Query's `notifyManager`: ids marked dirty
 * between two frames are handed to `apply` together, once, when the scheduled flush runs.
 * Marking is O(1); a burst of thousands of transitions costs one flush.
 */
export interface Batcher {
  /** Queues `id`; schedules a flush when none is waiting. */
  mark(id: string): void;
  /** Forgets `id` (its change was applied some other way). */
  unmark(id: string): void;
  /** Applies everything queued now, if anything is (and nothing when the queue is empty). */
  flush(): void;
  /** Drops the queue. */
  clear(): void;
  /** Ids queued now. */
  readonly pending: ReadonlySet<string>;
}

/** The default scheduler: the next animation frame in a browser, 16 ms later elsewhere. */
export function frameScheduler(flush: () => void): void {
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      flush();
    });
  } else {
    setTimeout(flush, 16);
  }
}

export function createBatcher(
  schedule: (flush: () => void) => void,
  apply: (ids: ReadonlySet<string>) => void,
): Batcher {
  let queue = new Set<string>();
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    if (queue.size === 0) return;
    const ids = queue;
    queue = new Set();
    apply(ids);
  };

  return {
    mark(id) {
      queue.add(id);
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    },
    unmark(id) {
      queue.delete(id);
    },
    flush,
    clear() {
      queue.clear();
    },
    get pending() {
      return queue;
    },
  };
}

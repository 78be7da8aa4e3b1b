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

/**
 * The store's scheduler, for its batched changes and for the views that render them: each
 * call runs its callback in a task of its own, soon, but at most one callback per animation
 * frame (a later one waits for the task after the next frame). The changes are applied and
 * React renders them outside the frame's task, and the browser lays out and paints the result
 * in the next frame, so a frame's rendering and the work that changed the page never add up
 * to one long task. The frame is counted per scheduler: one does not hold back another.
 * Where there are no frames, 16 ms later.
 */
export function taskOncePerFrame(): (callback: () => void) => void {
  if (typeof requestAnimationFrame !== 'function') {
    return (callback) => {
      setTimeout(callback, 16);
    };
  }
  let ranThisFrame = false;
  const endFrame = (): void => {
    ranThisFrame = false;
  };
  return (callback) => {
    const run = (): void => {
      if (ranThisFrame) {
        requestAnimationFrame(() => {
          setTimeout(run, 0);
        });
        return;
      }
      ranThisFrame = true;
      requestAnimationFrame(endFrame);
      callback();
    };
    setTimeout(run, 0);
  };
}

/** Ids applied between two looks at the clock in a scheduled flush. */
const CHUNK = 250;

/** How a scheduled flush shares a frame: it stops after `budgetMs` and goes on next frame. */
export interface FrameBudget {
  budgetMs: number;
  now: () => number;
}

const DEFAULT_BUDGET: FrameBudget = { budgetMs: 8, now: () => performance.now() };

/**
 * A scheduled flush applies the queue in chunks until the frame's budget is spent and leaves
 * the rest for the next frame, so ten thousand events settling at once never make one long
 * task; `flush()` called directly applies everything at once.
 */
export function createBatcher(
  schedule: (flush: () => void) => void,
  apply: (ids: ReadonlySet<string>) => void,
  budget: FrameBudget = DEFAULT_BUDGET,
): Batcher {
  let queue = new Set<string>();
  let scheduled = false;

  const flushAll = (): void => {
    if (queue.size === 0) return;
    const ids = queue;
    queue = new Set();
    apply(ids);
  };

  const flushWithinBudget = (): void => {
    scheduled = false;
    const started = budget.now();
    while (queue.size > 0) {
      if (queue.size <= CHUNK) {
        flushAll();
        return;
      }
      const chunk = new Set<string>();
      for (const id of queue) {
        chunk.add(id);
        queue.delete(id);
        if (chunk.size === CHUNK) break;
      }
      apply(chunk);
      if (budget.now() - started >= budget.budgetMs && queue.size > 0) {
        scheduled = true;
        schedule(flushWithinBudget);
        return;
      }
    }
  };

  return {
    mark(id) {
      queue.add(id);
      if (!scheduled) {
        scheduled = true;
        schedule(flushWithinBudget);
      }
    },
    unmark(id) {
      queue.delete(id);
    },
    flush: flushAll,
    clear() {
      queue.clear();
    },
    get pending() {
      return queue;
    },
  };
}

/**
 * Calls each added callback once it has been waiting `afterMs`, unless it was deleted first:
 * what a `setTimeout` per run would do, with one timer for all of them. Every callback waits
 * the same time, so they fall due in the order they were added, and only the oldest needs a
 * timer. Most runs end well before they fall due; this spares each of them a timer to make
 * and clear.
 */
export interface StartWatch {
  add(callback: () => void): void;
  delete(callback: () => void): void;
}

export function createStartWatch(afterMs: number, now: () => number = Date.now): StartWatch {
  /** Each waiting callback and when it was added, oldest first (a Map keeps insertion order). */
  const waiting = new Map<() => void, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = (): void => {
    const oldest = waiting.values().next();
    if (oldest.done === true) return;
    timer = setTimeout(fire, Math.max(0, oldest.value + afterMs - now()));
    // Waiting runs keep the process alive by themselves; the watch must not.
    (timer as { unref?: () => void }).unref?.();
  };

  const fire = (): void => {
    timer = undefined;
    const due = now() - afterMs;
    for (const [callback, addedAt] of waiting) {
      if (addedAt > due) break;
      waiting.delete(callback);
      callback();
    }
    arm();
  };

  return {
    add(callback) {
      waiting.set(callback, now());
      if (timer === undefined) arm();
    },
    delete(callback) {
      waiting.delete(callback);
      // The timer is left to fire: it finds nothing due and re-arms for the next one, if any.
    },
  };
}

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
  // The waiting callbacks and when each was added, oldest first, in two arrays that grow and
  // shrink at their ends: a Map would rebuild its table every few hundred runs. A deleted
  // callback leaves a hole, dropped once it reaches the front. Runs end in about the order
  // they start, so the one deleted is found near the front.
  const waiting: ((() => void) | undefined)[] = [];
  const addedAt: number[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const dropHoles = (): void => {
    while (waiting.length > 0 && waiting[0] === undefined) {
      waiting.shift();
      addedAt.shift();
    }
  };

  const arm = (): void => {
    const oldest = addedAt[0];
    if (oldest === undefined) return;
    timer = setTimeout(fire, Math.max(0, oldest + afterMs - now()));
    // Waiting runs keep the process alive by themselves; the watch must not.
    (timer as { unref?: () => void }).unref?.();
  };

  const fire = (): void => {
    timer = undefined;
    const due = now() - afterMs;
    while (addedAt.length > 0 && (addedAt[0] ?? Infinity) <= due) {
      const callback = waiting.shift();
      addedAt.shift();
      callback?.();
    }
    dropHoles();
    arm();
  };

  return {
    add(callback) {
      waiting.push(callback);
      addedAt.push(now());
      if (timer === undefined) arm();
    },
    delete(callback) {
      const index = waiting.indexOf(callback);
      if (index === -1) return;
      waiting[index] = undefined;
      dropHoles();
      // The timer is left to fire: it finds nothing due and re-arms for the next one, if any.
    },
  };
}

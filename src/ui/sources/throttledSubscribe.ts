/** A `subscribe` function as `useSyncExternalStore` takes it. */
export type Subscribe = (listener: () => void) => () => void;

/**
 * `subscribe`, with its listener told at most once per `everyMs`: the first change after a
 * quiet spell at once (on the next task), later ones gathered until the interval is over, and
 * the last change never left untold. For read-outs that change with every record yet are read
 * by people, not frames (counts of a source at 10,000 events a second).
 */
export function throttledSubscribe(subscribe: Subscribe, everyMs: number): Subscribe {
  return (listener) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = Number.NEGATIVE_INFINITY;
    const tell = (): void => {
      timer = undefined;
      last = Date.now();
      listener();
    };
    const unsubscribe = subscribe(() => {
      if (timer !== undefined) return;
      timer = setTimeout(tell, Math.max(0, last + everyMs - Date.now()));
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  };
}

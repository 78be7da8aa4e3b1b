import { taskOncePerFrame } from './notifyManager';
import type { RecordsCache } from './records/recordsCache';

type Subscribe = (listener: () => void) => () => void;

/** How a notifier tells its listeners: at a frame, and what time it is. */
export interface NotifierClock {
  schedule: (tell: () => void) => void;
  now: () => number;
  wait: (then: () => void, ms: number) => void;
}

/** The browser's clock for one notifier: its own count of what it told this frame. */
function browserClock(): NotifierClock {
  return {
    schedule: taskOncePerFrame(),
    now: () => performance.now(),
    wait: (then, ms) => {
      setTimeout(then, ms);
    },
  };
}

/**
 * `records.subscribe`, with the changes of one frame told once, in a task of their own after
 * the change (see `taskOncePerFrame`: not inside the frame's layout and paint), and, with
 * `everyMs`, at most once every `everyMs` while changes keep coming. A view of the whole
 * collection (the list) renders once per frame, not once per commit; during a flood of
 * thousands of events a second it renders a few times a second instead of every frame, and
 * the first change after a quiet spell is still told in the next task.
 */
export function createRecordsNotifier(
  records: RecordsCache,
  everyMs = 0,
  clock: NotifierClock = browserClock(),
): Subscribe {
  const listeners = new Set<() => void>();
  let scheduled = false;
  let toldAt = Number.NEGATIVE_INFINITY;
  const tell = (): void => {
    scheduled = false;
    toldAt = clock.now();
    for (const listener of [...listeners]) listener();
  };
  records.subscribe(() => {
    if (scheduled || listeners.size === 0) return;
    scheduled = true;
    const early = toldAt + everyMs - clock.now();
    if (early <= 0) clock.schedule(tell);
    else
      clock.wait(() => {
        clock.schedule(tell);
      }, early);
  });
  return (listener) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
}

const notifiers = new WeakMap<RecordsCache, Map<number, Subscribe>>();

/** The one notifier of `records` for `everyMs` (see `createRecordsNotifier`). */
export function recordsNotifier(records: RecordsCache, everyMs = 0): Subscribe {
  let byInterval = notifiers.get(records);
  if (byInterval === undefined) notifiers.set(records, (byInterval = new Map<number, Subscribe>()));
  let subscribe = byInterval.get(everyMs);
  if (subscribe === undefined)
    byInterval.set(everyMs, (subscribe = createRecordsNotifier(records, everyMs)));
  return subscribe;
}

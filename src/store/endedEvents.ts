import type { Clock } from '../lib';
import { findKind } from './catalogue';
import type { Tracked } from './mirror';
import type { RecordsCache } from './records/recordsCache';

/**
 * Ended events kept alive, newest ended last, before the oldest is let go: acting on one
 * that ended a moment ago ("invoke again", retry fresh) uses the event itself.
 */
export const ENDED_EVENTS_KEPT = 1_000;

/** Lets go of the event objects of ended live events, keeping their records. */
export interface EndedEvents {
  /** Hears that the tracked event `id` changed; lets go of old ended events once it ended. */
  changed(id: string): void;
}

/**
 * After an event ended and its record was mirrored, nothing needs the object but "invoke
 * again" (a no-op on an ended event, counted on the record) and retry fresh (which makes the
 * attempt from the record, as for a restored one), so a burst of 100,000 events does not
 * keep 100,000 event objects. Kept are the last `keep` ended, and events the record cannot
 * stand in for: on another clock than the page's (a lesson), of a kind the catalogue cannot
 * make again, in a retry run (`busy`), or whose last change is not mirrored yet.
 */
export function createEndedEvents(config: {
  live: Map<string, Tracked>;
  records: RecordsCache;
  /** The page's own clock: events on another one are kept. */
  clock: Clock;
  /** Whether a retry run is going on in the chain. */
  busy: (chainId: string) => boolean;
  keep?: number;
}): EndedEvents {
  const { live, records } = config;
  const keep = config.keep ?? ENDED_EVENTS_KEPT;
  // A queue: ids from `head` on, oldest ended first; compacted as it is consumed.
  let queue: string[] = [];
  let head = 0;

  const mirrored = (tracked: Tracked): boolean => {
    const record = records.get(tracked.identity.id);
    return (
      record?.status === tracked.event.status &&
      record.invokeCalls === tracked.invokeCalls &&
      record.transitions.length === tracked.event.history.length
    );
  };

  const mayRelease = (tracked: Tracked): boolean =>
    tracked.clock === config.clock &&
    findKind(tracked.identity.kind) !== undefined &&
    !config.busy(tracked.identity.chainId);

  const releaseOldest = (): void => {
    const id = queue[head];
    head += 1;
    if (head > 1_024 && head * 2 > queue.length) {
      queue = queue.slice(head);
      head = 0;
    }
    if (id === undefined) return;
    const tracked = live.get(id);
    if (tracked === undefined || !mayRelease(tracked)) return;
    // Not mirrored yet (rare: `keep` events ended since): looked at again later.
    if (!mirrored(tracked)) {
      queue.push(id);
      return;
    }
    tracked.unsubscribe();
    live.delete(id);
  };

  return {
    changed(id) {
      const tracked = live.get(id);
      if (tracked?.event.isTerminal !== true) return;
      queue.push(id);
      // Counted first: an id looked at again goes back in the queue.
      for (let excess = queue.length - head - keep; excess > 0; excess -= 1) releaseOldest();
    },
  };
}

import { watchEventCreation, type CreationListener } from '../lib/creation.ts';
import { ValidationError } from '../lib/errors/validationError.ts';
import type { Event } from '../lib/event.ts';
import { describeValue } from '../lib/serialize/describeValue.ts';
import { describeEvent, type PanelEntry } from './describeEvent.ts';
import { nextAnimationFrame, type ScheduleFrame } from './frameScheduler.ts';

/** How many events the panel keeps unless told otherwise. */
export const DEFAULT_MAX_EVENTS = 200;

/** What the panel renders: the kept events, newest first, and how many older ones it let go. */
export interface FeedSnapshot {
  readonly entries: readonly PanelEntry[];
  /** Events dropped, oldest first, to stay within `maxEvents`. */
  readonly dropped: number;
}

export interface EventFeedOptions {
  /** The most events kept; the oldest is dropped (and counted) when a new one comes. */
  maxEvents?: number;
  /**
   * Which events to list, asked once per event as it is created: its class
   * (`event.constructor`) and `metadata` are set, a subclass's own fields not yet.
   */
  filter?: (event: Event) => boolean;
  /** When to publish a batch of changes; the next animation frame by default. */
  scheduleFrame?: ScheduleFrame;
  /** The creation hook to listen on; the core's own by default. */
  watch?: (listener: CreationListener) => () => void;
}

/** The events created in this page while someone listens, kept bounded, published per frame. */
export interface EventFeed {
  /** Starts watching with the first listener and stops, forgetting every event, with the last. */
  readonly subscribe: (listener: () => void) => () => void;
  readonly getSnapshot: () => FeedSnapshot;
  /** Forgets the kept events and the dropped count. */
  readonly clear: () => void;
  /** Replaces the filter for events created from now on; `undefined` lists every event. */
  readonly setFilter: (filter: ((event: Event) => boolean) | undefined) => void;
}

const EMPTY: FeedSnapshot = Object.freeze({ entries: Object.freeze([]), dropped: 0 });

/**
 * A store in the `useSyncExternalStore` shape over the core's creation hook. Nothing is
 * watched while nobody listens, so a panel that is imported but not mounted costs nothing.
 *
 * ```ts
 * const feed = createEventFeed({ maxEvents: 50 });
 * const stop = feed.subscribe(() => render(feed.getSnapshot()));
 * ```
 */
export function createEventFeed(options: EventFeedOptions = {}): EventFeed {
  const maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) {
    throw new ValidationError(
      `maxEvents must be a positive integer, got ${describeValue(maxEvents)}`,
    );
  }
  const { scheduleFrame = nextAnimationFrame, watch = watchEventCreation } = options;
  let { filter } = options;

  const listeners = new Set<() => void>();
  /** Kept events, oldest first, with the function that stops listening to each. */
  const kept = new Map<Event, () => void>();
  const entries = new Map<Event, PanelEntry>();
  const changed = new Set<Event>();
  let dropped = 0;
  let snapshot = EMPTY;
  let stopWatching: (() => void) | undefined;
  let cancelFrame: (() => void) | undefined;

  const schedule = (): void => {
    cancelFrame ??= scheduleFrame(publish);
  };

  const onChange = (event: Event): void => {
    if (!kept.has(event)) return;
    if (event.isTerminal) {
      // The last change it will ever make: nothing more to listen for.
      kept.get(event)?.();
      kept.set(event, noop);
    }
    changed.add(event);
    schedule();
  };

  const onCreate = (event: Event): void => {
    if (filter !== undefined && !filter(event)) return;
    kept.set(
      event,
      event.subscribe((notification, subject) => {
        if (notification.type === 'transition') onChange(subject);
      }),
    );
    changed.add(event);
    for (const oldest of kept.keys()) {
      if (kept.size <= maxEvents) break;
      forget(oldest);
      dropped += 1;
    }
    schedule();
  };

  function forget(event: Event): void {
    kept.get(event)?.();
    kept.delete(event);
    entries.delete(event);
    changed.delete(event);
  }

  function publish(): void {
    cancelFrame = undefined;
    for (const event of changed) entries.set(event, describeEvent(event));
    changed.clear();
    const newestFirst: PanelEntry[] = [];
    for (const entry of entries.values()) newestFirst.push(entry);
    // Entries of new events are appended in creation order, like `kept`; re-described ones
    // keep their place because a Map keeps the position of a key that is set again.
    newestFirst.reverse();
    snapshot = { entries: newestFirst, dropped };
    for (const listener of [...listeners]) listener();
  }

  function reset(): void {
    for (const unsubscribe of kept.values()) unsubscribe();
    kept.clear();
    entries.clear();
    changed.clear();
    dropped = 0;
    cancelFrame?.();
    cancelFrame = undefined;
    snapshot = EMPTY;
  }

  return {
    subscribe: (listener) => {
      listeners.add(listener);
      stopWatching ??= watch(onCreate);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopWatching?.();
        stopWatching = undefined;
        reset();
      };
    },
    getSnapshot: () => snapshot,
    clear: () => {
      reset();
      for (const listener of [...listeners]) listener();
    },
    setFilter: (next) => {
      filter = next;
    },
  };
}

function noop(): void {
  // An event that ended has nothing left to unsubscribe from.
}

import { systemClock, type Clock } from './clock.ts';
import { systemScheduler, type Scheduler } from './scheduler.ts';

/** Defaults used by every event that does not bring its own. */
export interface EventDefaults {
  /** Time source for timestamps and durations. */
  clock: Clock;
  /**
   * What timeouts, retry backoff and the demo kinds wait with. Replace it together with
   * `clock`, so that the two agree on what time it is.
   */
  scheduler: Scheduler;
  /**
   * Called when a subscriber throws. The event and its other subscribers carry on either
   * way; the default reports the error without letting it escape.
   */
  onListenerError: (error: unknown) => void;
}

const defaults: EventDefaults = {
  clock: systemClock,
  scheduler: systemScheduler,
  onListenerError: (error) => {
    console.error('An event subscriber threw:', error);
  },
};

/**
 * Changes the defaults for events created from now on; returns the previous defaults so a
 * test can put them back.
 *
 * ```ts
 * const previous = configureEvents({ clock: { now: () => 0 } });
 * // …
 * configureEvents(previous);
 * ```
 */
export function configureEvents(changes: Partial<EventDefaults>): EventDefaults {
  const previous = { ...defaults };
  Object.assign(defaults, changes);
  return previous;
}

/** The defaults in force now. */
export function eventDefaults(): Readonly<EventDefaults> {
  return defaults;
}

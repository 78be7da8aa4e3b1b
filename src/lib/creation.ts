import type { Event } from './event.ts';

/** Hears every event as it is created (see {@link watchEventCreation}). */
export type CreationListener = (event: Event) => void;

/** `undefined` while nobody watches, so creating an event costs one comparison. */
let creationListeners: Set<CreationListener> | undefined;

/**
 * Calls `listener` with every event created from now on, in any class, until the returned
 * function is called. The listener runs inside the base constructor, before a subclass's own
 * fields are set: read the event later (subscribe to it, or look at it on its first
 * transition). A listener that throws is reported like a throwing subscriber and does not stop
 * the event from being created.
 *
 * ```ts
 * const stop = watchEventCreation((event) => event.subscribe(log));
 * ```
 */
export function watchEventCreation(listener: CreationListener): () => void {
  (creationListeners ??= new Set()).add(listener);
  return () => {
    creationListeners?.delete(listener);
    if (creationListeners?.size === 0) creationListeners = undefined;
  };
}

/** Tells the creation listeners of `event`; a no-op while there are none. */
export function announceCreation(event: Event, report: (error: unknown) => void): void {
  if (creationListeners === undefined) return;
  for (const listener of [...creationListeners]) {
    try {
      listener(event);
    } catch (error) {
      report(error);
    }
  }
}

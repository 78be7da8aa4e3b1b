import { ConfigurationError } from '../errors/configurationError.ts';
import type { Event, EventInit } from '../event.ts';

/** A class of events a worker can rebuild: its constructor takes one options object. */
export type EventClass = new (init: EventInit & Record<string, unknown>) => Event;

/** The event classes a worker knows, by the name jobs carry. */
export interface EventRegistry {
  /** The class registered under `name`; throws a `ConfigurationError` naming what is known. */
  get(name: string): EventClass;
  /** The name `event`'s class is registered under; throws when it is not registered. */
  nameOf(event: Event): string;
  readonly names: readonly string[];
}

/**
 * The event classes jobs may name, keyed by the name that travels with the job. Give names
 * explicitly: a minifier may rename classes, so `constructor.name` is not a stable key.
 *
 * ```ts
 * const registry = createEventRegistry({ SendEmail, ChargeCard });
 * ```
 */
export function createEventRegistry(classes: Record<string, EventClass>): EventRegistry {
  const byName = new Map(Object.entries(classes));
  const names = [...byName.keys()];
  return {
    names,
    get(name) {
      const found = byName.get(name);
      if (found === undefined) {
        throw new ConfigurationError(
          `no event class registered as '${name}' (known: ${names.join(', ') || 'none'})`,
          { details: { kind: name } },
        );
      }
      return found;
    },
    nameOf(event) {
      for (const [name, EventClass] of byName) if (event.constructor === EventClass) return name;
      throw new ConfigurationError(
        `${event.constructor.name || 'this event'}'s class is not in the registry (known: ${names.join(', ') || 'none'})`,
      );
    },
  };
}

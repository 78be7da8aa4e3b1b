import type { Event, EventDict, EventNotification } from '../event.ts';
import { explainRetryable } from '../retryable.ts';
import { toJsonSafe, type JsonValue } from '../serialize/toJsonSafe.ts';
import { EventStatus } from '../status.ts';
import type { BridgeEventUpdate } from './protocol.ts';

/** An update on its way, with the event it describes. */
export interface TakenUpdate {
  event: Event;
  update: BridgeEventUpdate;
}

/** An event with changes not yet sent, and what it heard since its last update. */
interface Pending {
  event: Event;
  notifications: EventNotification[];
}

/**
 * The events whose changes are waiting to be sent, oldest change first. One entry per event:
 * a burst of transitions becomes one update carrying the latest snapshot and every
 * notification since the last. Bounded: when full, the event that waited longest is dropped
 * and counted.
 */
export class UpdateBuffer {
  readonly #pending = new Map<string, Pending>();
  readonly #capacity: number;
  readonly #progressMessages = new WeakMap<Event, string | null>();
  /** Events reported under the id of an event an earlier run did not finish. */
  readonly #reportedAs = new WeakMap<Event, string>();
  #seq = 0;
  #dropped = 0;

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Events waiting to be sent. */
  get size(): number {
    return this.#pending.size;
  }

  /** Updates dropped because the buffer was full, since it was made. */
  get dropped(): number {
    return this.#dropped;
  }

  /** From now on, reports `event` as the event `id` (and forgets what waited under its own). */
  reportAs(event: Event, id: string): void {
    this.#pending.delete(event.id);
    this.#reportedAs.set(event, id);
  }

  /** Notes that `event` changed (`notification` is absent for "now being watched"). */
  record(event: Event, notification?: EventNotification): void {
    const id = this.#idOf(event);
    let entry = this.#pending.get(id);
    if (entry === undefined) {
      entry = { event, notifications: [] };
      this.#add(id, entry);
    }
    if (notification === undefined) return;
    entry.notifications.push(notification);
    if (notification.type === 'progress') {
      this.#progressMessages.set(event, notification.message ?? null);
    }
  }

  /**
   * Takes up to `max` of the oldest entries as updates, each with a new sequence number and
   * the event's snapshot as it is now.
   */
  take(max: number): TakenUpdate[] {
    const taken: TakenUpdate[] = [];
    for (const [id, entry] of this.#pending) {
      if (taken.length >= max) break;
      this.#pending.delete(id);
      taken.push({ event: entry.event, update: this.#toUpdate(entry) });
    }
    return taken;
  }

  /**
   * Puts updates that could not be delivered back in front, to go again with fresh
   * snapshots; an event that changed meanwhile keeps one entry with every notification.
   */
  putBack(taken: readonly TakenUpdate[]): void {
    const later = [...this.#pending];
    this.#pending.clear();
    for (const { event, update } of taken) {
      this.#pending.set(this.#idOf(event), { event, notifications: [...update.notifications] });
    }
    for (const [id, entry] of later) {
      const earlier = this.#pending.get(id);
      if (earlier === undefined) this.#pending.set(id, entry);
      else earlier.notifications.push(...entry.notifications);
    }
    this.#trim();
  }

  #idOf(event: Event): string {
    return this.#reportedAs.get(event) ?? event.id;
  }

  #add(id: string, entry: Pending): void {
    this.#pending.set(id, entry);
    this.#trim();
  }

  #trim(): void {
    for (const id of this.#pending.keys()) {
      if (this.#pending.size <= this.#capacity) return;
      this.#pending.delete(id);
      this.#dropped += 1;
    }
  }

  #toUpdate(entry: Pending): BridgeEventUpdate {
    const { event } = entry;
    this.#seq += 1;
    const status = event.status;
    return {
      seq: this.#seq,
      kind: event.constructor.name || 'Event',
      notifications: entry.notifications,
      transitions: event.history,
      progress: event.progress ?? null,
      progressMessage: this.#progressMessages.get(event) ?? null,
      event: this.#snapshotOf(event),
      verdict:
        status === EventStatus.FAILED || status === EventStatus.CANCELLED
          ? explainRetryable(event.execution.error).reason
          : null,
      params: paramsOf(event),
    };
  }

  #snapshotOf(event: Event): EventDict {
    const snapshot = event.toDict();
    const id = this.#reportedAs.get(event);
    return id === undefined ? snapshot : { ...snapshot, id };
  }
}

/** The event's own configuration fields (`timeout`, `url`, …), JSON-safe; functions left out. */
export function paramsOf(event: Event): Record<string, JsonValue> {
  const params: Record<string, JsonValue> = {};
  for (const key of Object.keys(event)) {
    if (key === 'id' || key === 'metadata') continue;
    const value: unknown = (event as unknown as Record<string, unknown>)[key];
    if (typeof value === 'function' || value === undefined) continue;
    params[key] = toJsonSafe(value);
  }
  return params;
}

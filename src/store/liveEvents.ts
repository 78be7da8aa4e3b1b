import type { Event } from '../lib';
import type { DemoParams } from './catalogue';
import { compareByCreated } from './createdMs';
import type { EventRecord } from './eventRecord';
import { mirrorIfListed, mirrorRecord, originalIdOf, type Tracked } from './mirror';
import type { StoreInternals } from './storeInternals';

/** What a tracked event's record says about it beyond what the event knows. */
export interface TrackBase {
  kind: string;
  label: string;
  params: DemoParams;
  invokeCalls: number;
}

/**
 * Registers a live event and subscribes to it. Lineage comes from `metadata.original`: the
 * attempt after the one it was made from, in that one's chain.
 */
export function track(internals: StoreInternals, event: Event, base: TrackBase): Tracked {
  const { records, live, batcher, endedEvents, time } = internals;
  const originalId = originalIdOf(event.metadata);
  const original = originalId === null ? undefined : records.get(originalId);
  const attempt =
    original !== undefined
      ? original.attempt + 1
      : originalId !== null
        ? (positiveInteger(event.metadata.attempt) ?? 2)
        : 1;
  const tracked: Tracked = {
    event,
    // A fresh attempt runs on the clock of the attempt it was made from; a new event on the
    // clock new events get now.
    clock:
      (originalId === null ? undefined : live.get(originalId)?.clock) ??
      time.eventInit.clock ??
      time.clock,
    identity: {
      id: event.id,
      kind: base.kind,
      label: base.label,
      params: base.params,
      createdAt: event.createdAt.toISOString(),
      attempt,
      originalId,
      chainId: original?.chainId ?? originalId ?? event.id,
    },
    invokeCalls: base.invokeCalls,
    progressMessage: null,
    unsubscribe: () => undefined,
  };
  tracked.unsubscribe = event.subscribe((notification) => {
    if (notification.type === 'progress') {
      tracked.progressMessage = notification.message ?? null;
    }
    batcher.mark(event.id);
    endedEvents.changed(event.id);
  });
  live.set(event.id, tracked);
  return tracked;
}

/**
 * One update of the records adding the tracked events `newIds` (newest last in the list,
 * shown first) and applying every queued change.
 */
export function commit(internals: StoreInternals, newIds: readonly string[]): void {
  const { records, live, batcher } = internals;
  const fresh = new Set(newIds);
  const added: EventRecord[] = [];
  for (const id of newIds) {
    const tracked = live.get(id);
    if (tracked !== undefined) added.push(mirrorRecord(tracked));
  }
  // Listed as a reload lists them: events made in the same millisecond by id.
  added.sort(compareByCreated);
  const changed: EventRecord[] = [...added];
  for (const id of batcher.pending) if (!fresh.has(id)) mirrorIfListed(live, records, id, changed);
  batcher.clear();
  records.upsert(changed, 'newer');
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/**
 * Stops every live event and retry run as the history is cleared: each is cancelled after it
 * stopped being watched, so none of them writes a record again.
 */
export function stopLiveEvents(internals: StoreInternals): void {
  const { live, batcher, retryControllers } = internals;
  for (const controller of retryControllers.values()) controller.abort();
  retryControllers.clear();
  for (const tracked of live.values()) {
    tracked.unsubscribe();
    tracked.event.cancel('History cleared');
  }
  live.clear();
  batcher.clear();
}

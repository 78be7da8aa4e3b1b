import type { Event } from '../lib';
import { findKind } from './catalogue';
import type { EventRecord } from './eventRecord';
import { launchChecks } from './lazySchemas';
import { track } from './liveEvents';
import { messageOf } from './messageOf';
import type { Tracked } from './mirror';
import type { StoreInternals } from './storeInternals';

/**
 * A new, tracked but not yet invoked, fresh attempt of `record`: from its live event when
 * there is one, from the catalogue otherwise. A string says why there is none, in words.
 */
export function freshAttempt(
  internals: StoreInternals,
  record: EventRecord,
  copyMeta: boolean,
): Tracked | string {
  const tracked = internals.live.get(record.id);
  let fresh: Event;
  if (tracked !== undefined) {
    fresh = tracked.event.asFreshEvent({ copyMeta });
  } else {
    const kind = findKind(record.kind);
    if (kind === undefined) {
      return `"${record.label}" cannot be retried here: its kind "${record.kind}" is not in the demo catalogue.`;
    }
    // Records that are not live come from storage or an import, and both load the schemas
    // before they add any record: this only fails if that ever changes.
    const kindSchema = launchChecks.current?.findKindSchema(record.kind);
    if (kindSchema === undefined) {
      return `"${record.label}" cannot be retried yet: the launch checks are still loading. Try again in a moment.`;
    }
    const metadata: Record<string, unknown> = copyMeta ? { ...record.metadata } : {};
    metadata.original = { id: record.id, created_at: record.createdAt };
    try {
      fresh = kindSchema.create(record.params, { ...internals.time.eventInit, metadata });
    } catch (error) {
      return `"${record.label}" cannot be retried: its parameters are not valid here (${messageOf(error)}).`;
    }
  }
  fresh.metadata.attempt = record.attempt + 1;
  return track(internals, fresh, {
    kind: record.kind,
    label: record.label,
    params: record.params,
    invokeCalls: 0,
  });
}

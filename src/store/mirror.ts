import {
  EventStatus,
  explainRetryable,
  toJsonSafe,
  type Clock,
  type Event,
  type JsonValue,
} from '../lib';
import type { EventRecord } from './eventRecord';

/** What the store knows about a live event besides the event itself. */
export interface Tracked {
  readonly event: Event;
  /** The clock the event runs on (a lesson clock or the wall clock): its times are in it. */
  readonly clock: Clock;
  /** The record fields that never change after tracking starts. */
  readonly identity: Pick<
    EventRecord,
    'id' | 'kind' | 'label' | 'params' | 'createdAt' | 'attempt' | 'originalId' | 'chainId'
  >;
  invokeCalls: number;
  /** The message of the last progress report; the event keeps only the fraction. */
  progressMessage: string | null;
  unsubscribe: () => void;
}

/**
 * The record of a live event as it is now: everything read from the event, so a record
 * built at any time is right, however many notifications were batched before it.
 */
export function mirrorRecord(tracked: Tracked): EventRecord {
  const { event } = tracked;
  const execution = event.execution.toDict();
  const transitions = event.history;
  const status = event.status;
  return {
    ...tracked.identity,
    status,
    transitions,
    duration: execution.duration,
    progress: event.progress ?? null,
    progressMessage: tracked.progressMessage,
    execution,
    retryable: execution.retryable,
    verdict:
      status === EventStatus.FAILED || status === EventStatus.CANCELLED
        ? explainRetryable(event.execution.error).reason
        : null,
    metadata: jsonRecord(event.metadata),
    invokeCalls: tracked.invokeCalls,
    runs: transitions.some((step) => step.status === EventStatus.PROCESSING) ? 1 : 0,
    source: 'live',
  };
}

/**
 * Adds to `changed` the record of the live event `id` if it is listed already; an event
 * tracked but not committed yet is added by its own commit.
 */
export function mirrorIfListed(
  live: ReadonlyMap<string, Tracked>,
  listed: { has(id: string): boolean },
  id: string,
  changed: EventRecord[],
): void {
  const tracked = live.get(id);
  if (tracked !== undefined && listed.has(id)) changed.push(mirrorRecord(tracked));
}

/** `toJsonSafe` for a plain object, always giving an object back. */
export function jsonRecord(value: unknown): Record<string, JsonValue> {
  if (isEmptyPlainObject(value)) return {};
  const safe = toJsonSafe(value);
  return typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
}

/** The id in `metadata.original`, where `asFreshEvent` records the attempt before. */
export function originalIdOf(metadata: Record<string, unknown>): string | null {
  const original = metadata.original;
  if (typeof original !== 'object' || original === null) return null;
  const id = (original as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

function isEmptyPlainObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const _key in value) return false;
  return true;
}

import type { Event, EventDict } from '../lib/event.ts';
import { explainRetryable } from '../lib/retryable.ts';
import { EventStatus } from '../lib/status.ts';

/** What the panel shows of one event, read once per change. */
export interface PanelEntry {
  readonly id: string;
  /** `metadata.label` when the app gave one, else the event's class name. */
  readonly label: string;
  readonly status: EventStatus;
  /** Seconds spent processing; `null` until the event ended. */
  readonly duration: number | null;
  /** `Name: message` of the error the event ended with; `null` when there is none. */
  readonly error: string | null;
  /** Why the error is or is not worth retrying, in words; only for failed or cancelled events. */
  readonly verdict: string | null;
  /** Failed and cancelled events can be run again with `asFreshEvent().invoke()`. */
  readonly canRetry: boolean;
  /** The event's `toDict()`, JSON-safe and bounded by the core. */
  readonly dict: EventDict;
  /** The live event, for "Retry fresh". */
  readonly event: Event;
}

/** The event's name in the list: an explicit `metadata.label`, else its class. */
export function labelOf(event: Event): string {
  const label = event.metadata.label;
  if (typeof label === 'string' && label !== '') return label;
  return event.constructor.name || 'Event';
}

/** Reads what the panel shows of `event` now; never throws (the core's `toDict` never does). */
export function describeEvent(event: Event): PanelEntry {
  const dict = event.toDict();
  const { status, duration, error } = dict.execution;
  const canRetry = status === EventStatus.FAILED || status === EventStatus.CANCELLED;
  return {
    id: event.id,
    label: labelOf(event),
    status,
    duration,
    error: error === null ? null : `${error.error}: ${error.message}`,
    verdict: canRetry ? explainRetryable(event.execution.error).reason : null,
    canRetry,
    dict,
    event,
  };
}

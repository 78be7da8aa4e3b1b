import type { EventStatus } from '../../lib';
import type { RecordSource } from '../../store';

/** What the inspector offers for one record, and the sentences that explain the surprises. */
export interface OfferedActions {
  /** Invoke again / Invoke ×3 at once. */
  invoke: boolean;
  /** What invoking again will do, when it is not what a person expects; `null` otherwise. */
  invokeNote: string | null;
  cancel: boolean;
  retryFresh: boolean;
  /** The retry policy form. */
  retryPolicy: boolean;
  /** Why some action is missing or disabled, when that is worth saying; `null` otherwise. */
  note: string | null;
}

/**
 * Only the actions that make sense for a record's status and source: nothing to retry on a
 * completed event, nothing to cancel on one that ended, and a word on what "invoke again"
 * does to an event that already ended.
 */
export function actionsFor(status: EventStatus, source: RecordSource): OfferedActions {
  const running = status === 'pending' || status === 'processing';
  const live = source === 'live';
  const retryable = !running && status !== 'completed' && source !== 'imported';
  const base: OfferedActions = {
    invoke: live,
    invokeNote: null,
    cancel: live && running,
    retryFresh: retryable,
    retryPolicy: retryable && (status === 'failed' || status === 'cancelled'),
    note: null,
  };
  if (status === 'completed') {
    return {
      ...base,
      invokeNote: live
        ? 'Invoking again returns the cached response; _invoke does not run again.'
        : null,
      note: 'It completed, so there is nothing to retry.',
    };
  }
  if (running) {
    return {
      ...base,
      invokeNote: live ? 'Invoking now joins the run in flight; _invoke still runs once.' : null,
    };
  }
  return {
    ...base,
    invokeNote: live
      ? `Invoking again returns the cached outcome (${status}) without running _invoke; to run the work again, retry fresh.`
      : null,
  };
}

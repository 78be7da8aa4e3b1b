import { isTerminalStatus } from '../lib';
import { getOwn } from './ownKey';
import type { StoreContext } from './storeContext';
import type { EventStoreActions } from './types';

/** Most concurrent `invoke()` calls one `invoke` action makes. */
export const MAX_INVOKE_TIMES = 100;

/**
 * The store's actions on one event: `invoke`, `cancel`, `skip` and `retryFresh`. Records that
 * are not live (restored, imported) are read-only: acting on them explains why, in a notice.
 */
export function createEventActions(
  context: StoreContext,
): Pick<EventStoreActions, 'invoke' | 'cancel' | 'skip' | 'retryFresh'> {
  const { get, records, live, retryControllers, batcher, notice, readOnlyMessage, commit } =
    context;
  return {
    async invoke(id, times = 1) {
      const record = records.get(id);
      const tracked = live.get(id);
      if (record === undefined) return;
      const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
      if (tracked === undefined) {
        // An ended event of this page whose object was let go (`endedEvents`): invoking it
        // again would return its cached outcome, so only the count changes.
        if (record.source === 'live' && isTerminalStatus(record.status)) {
          records.upsert([{ ...record, invokeCalls: record.invokeCalls + calls }], 'newer');
          return;
        }
        notice('info', readOnlyMessage(record, 'invoked again'));
        return;
      }
      tracked.invokeCalls += calls;
      batcher.mark(id);
      const { event } = tracked;
      await Promise.all(Array.from({ length: calls }, () => event.invoke()));
    },

    cancel(id, reason) {
      const record = records.get(id);
      if (record === undefined) return false;
      const tracked = live.get(id);
      const ended = (status: string): false => {
        notice(
          'info',
          `"${record.label}" has already ended (${status}); there is nothing to cancel.`,
        );
        return false;
      };
      if (tracked === undefined) {
        // Ended, its object let go (`endedEvents`).
        if (record.source === 'live' && isTerminalStatus(record.status))
          return ended(record.status);
        notice('info', readOnlyMessage(record, 'cancelled'));
        return false;
      }
      const cancelled = tracked.event.cancel(reason);
      if (!cancelled) return ended(tracked.event.status);
      // Cancelling the attempt a retry run is waiting on stops the run too.
      const run = getOwn(get().retryRuns, record.chainId);
      if (run?.status === 'running' && run.currentId === id) {
        retryControllers.get(record.chainId)?.abort();
      }
      return true;
    },

    skip(id, reason) {
      const tracked = live.get(id);
      if (tracked === undefined) return false;
      return tracked.event.skip(reason);
    },

    retryFresh(id, retryOptions = {}) {
      const record = records.get(id);
      if (record === undefined) return null;
      const fresh = context.freshAttempt(record, retryOptions.copyMeta === true);
      if (typeof fresh === 'string') {
        notice('warning', fresh);
        return null;
      }
      fresh.invokeCalls = 1;
      void fresh.event.invoke();
      commit([fresh.event.id]);
      return fresh.event.id;
    },
  };
}

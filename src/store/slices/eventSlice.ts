import { freshAttempt } from '../freshAttempt';
import { commit } from '../liveEvents';
import { getOwn } from '../ownKey';
import { readOnlyMessage } from '../readOnly';
import type { Slice, StoreInternals } from '../storeInternals';
import type { EventStoreActions } from '../types';

/** Most concurrent `invoke()` calls one `invoke` action makes. */
export const MAX_INVOKE_TIMES = 100;

/**
 * The store's actions on one event: `invoke`, `cancel`, `skip` and `retryFresh`. Records that
 * are not live (restored, imported) are read-only: acting on them explains why, in a notice.
 */
export const createEventSlice =
  (
    internals: StoreInternals,
  ): Slice<Pick<EventStoreActions, 'invoke' | 'cancel' | 'skip' | 'retryFresh'>> =>
  (_set, get) => {
    const { records, live, retryControllers, batcher } = internals;
    const notice = (level: 'info' | 'warning', message: string): void => {
      get().notify(level, message);
    };
    return {
      async invoke(id, times = 1) {
        const record = records.get(id);
        const tracked = live.get(id);
        if (record === undefined) return;
        if (tracked === undefined) {
          notice('info', readOnlyMessage(record, 'invoked again'));
          return;
        }
        const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
        tracked.invokeCalls += calls;
        batcher.mark(id);
        const { event } = tracked;
        await Promise.all(Array.from({ length: calls }, () => event.invoke()));
      },

      cancel(id, reason) {
        const record = records.get(id);
        if (record === undefined) return false;
        const tracked = live.get(id);
        if (tracked === undefined) {
          notice('info', readOnlyMessage(record, 'cancelled'));
          return false;
        }
        const cancelled = tracked.event.cancel(reason);
        if (!cancelled) {
          notice(
            'info',
            `"${record.label}" has already ended (${tracked.event.status}); there is nothing to cancel.`,
          );
          return false;
        }
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
        const fresh = freshAttempt(internals, record, retryOptions.copyMeta === true);
        if (typeof fresh === 'string') {
          notice('warning', fresh);
          return null;
        }
        fresh.invokeCalls = 1;
        void fresh.event.invoke();
        commit(internals, [fresh.event.id]);
        return fresh.event.id;
      },
    };
  };

import { freshAttempt } from '../freshAttempt';
import { commit } from '../liveEvents';
import { getOwn } from '../ownKey';
import { readOnlyMessage } from '../readOnly';
import type { Slice, StoreInternals } from '../storeInternals';
import { DONE, failure, unknownRecord } from '../actionResult';
import type { EventStoreActions } from '../types';

/** Most concurrent `invoke()` calls one `invoke` action makes. */
export const MAX_INVOKE_TIMES = 100;

/**
 * The store's actions on one event: `invoke`, `cancel`, `skip` and `retryFresh`. Records that
 * are not live (restored, imported) are read-only: acting on them fails, saying why.
 */
export const createEventSlice =
  (
    internals: StoreInternals,
  ): Slice<Pick<EventStoreActions, 'invoke' | 'cancel' | 'skip' | 'retryFresh'>> =>
  (_set, get) => {
    const { records, live, retryControllers, batcher } = internals;
    return {
      async invoke(id, times = 1) {
        const record = records.get(id);
        if (record === undefined) return unknownRecord(id);
        const tracked = live.get(id);
        if (tracked === undefined) return failure(readOnlyMessage(record, 'invoked again'));
        const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
        tracked.invokeCalls += calls;
        batcher.mark(id);
        const { event } = tracked;
        await Promise.all(Array.from({ length: calls }, () => event.invoke()));
        return DONE;
      },

      cancel(id, reason) {
        const record = records.get(id);
        if (record === undefined) return unknownRecord(id);
        const tracked = live.get(id);
        if (tracked === undefined) return failure(readOnlyMessage(record, 'cancelled'));
        if (!tracked.event.cancel(reason)) {
          return failure(
            `"${record.label}" has already ended (${tracked.event.status}); there is nothing to cancel.`,
          );
        }
        // Cancelling the attempt a retry run is waiting on stops the run too.
        const run = getOwn(get().retryRuns, record.chainId);
        if (run?.status === 'running' && run.currentId === id) {
          retryControllers.get(record.chainId)?.abort();
        }
        return DONE;
      },

      skip(id, reason) {
        const record = records.get(id);
        if (record === undefined) return unknownRecord(id);
        const tracked = live.get(id);
        if (tracked === undefined) return failure(readOnlyMessage(record, 'skipped'));
        if (!tracked.event.skip(reason)) {
          return failure(
            `"${record.label}" is ${tracked.event.status}; only a pending event can be skipped.`,
          );
        }
        return DONE;
      },

      retryFresh(id, retryOptions = {}) {
        const record = records.get(id);
        if (record === undefined) return unknownRecord(id);
        const fresh = freshAttempt(internals, record, retryOptions.copyMeta === true);
        if (typeof fresh === 'string') return failure(fresh);
        fresh.invokeCalls = 1;
        void fresh.event.invoke();
        commit(internals, [fresh.event.id]);
        return { ok: true, id: fresh.event.id };
      },
    };
  };

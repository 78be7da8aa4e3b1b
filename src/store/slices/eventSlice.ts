import { isTerminalStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';
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
        const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
        if (tracked === undefined) {
          // Its object let go once it ended (`../endedEvents`): invoking an ended event again
          // returns its cached outcome, so only the count changes.
          if (!endedAndReleased(record)) return failure(readOnlyMessage(record, 'invoked again'));
          records.upsert([{ ...record, invokeCalls: record.invokeCalls + calls }], 'newer');
          return DONE;
        }
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
        if (tracked === undefined) {
          if (!endedAndReleased(record)) return failure(readOnlyMessage(record, 'cancelled'));
          return failure(alreadyEnded(record, record.status));
        }
        if (!tracked.event.cancel(reason))
          return failure(alreadyEnded(record, tracked.event.status));
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
        if (tracked === undefined) {
          if (!endedAndReleased(record)) return failure(readOnlyMessage(record, 'skipped'));
          return failure(notPending(record, record.status));
        }
        if (!tracked.event.skip(reason)) return failure(notPending(record, tracked.event.status));
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

/** A record of this page's own whose event ended and was let go (`../endedEvents`). */
function endedAndReleased(record: EventRecord): boolean {
  return record.source === 'live' && isTerminalStatus(record.status);
}

function alreadyEnded(record: EventRecord, status: string): string {
  return `"${record.label}" has already ended (${status}); there is nothing to cancel.`;
}

function notPending(record: EventRecord, status: string): string {
  return `"${record.label}" is ${status}; only a pending event can be skipped.`;
}

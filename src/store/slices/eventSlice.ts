import { isTerminalStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';
import { freshAttempt } from '../freshAttempt';
import { commit } from '../liveEvents';
import { getOwn } from '../ownKey';
import { readOnlyMessage } from '../readOnly';
import type { Slice, StoreInternals } from '../storeInternals';
import { DONE, failure, unknownRecord } from '../actionResult';
import type { Tracked } from '../mirror';
import type { ActionFailure, EventStoreActions } from '../types';

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

    /**
     * The record of `id` and its live event, or why the action cannot reach it. A record of
     * this page whose event ended and was let go (`../endedEvents`) comes without its event:
     * it answers as the ended event would.
     */
    const reach = (
      id: string,
      action: string,
    ): { ok: true; record: EventRecord; tracked: Tracked | undefined } | ActionFailure => {
      const record = records.get(id);
      if (record === undefined) return unknownRecord(id);
      const tracked = live.get(id);
      const released = record.source === 'live' && isTerminalStatus(record.status);
      if (tracked === undefined && !released) return failure(readOnlyMessage(record, action));
      return { ok: true, record, tracked };
    };

    return {
      async invoke(id, times = 1) {
        const target = reach(id, 'invoked again');
        if (!target.ok) return target;
        const { record, tracked } = target;
        const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
        if (tracked === undefined) {
          // Invoking an ended event again returns its cached outcome: only the count changes.
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
        const target = reach(id, 'cancelled');
        if (!target.ok) return target;
        const { record, tracked } = target;
        if (tracked?.event.cancel(reason) !== true) {
          return failure(
            `"${record.label}" has already ended (${tracked?.event.status ?? record.status}); there is nothing to cancel.`,
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
        const target = reach(id, 'skipped');
        if (!target.ok) return target;
        const { record, tracked } = target;
        if (tracked?.event.skip(reason) !== true) {
          return failure(
            `"${record.label}" is ${tracked?.event.status ?? record.status}; only a pending event can be skipped.`,
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

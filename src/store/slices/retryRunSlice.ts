import { runWithRetry, type Event, type RetryResult } from '../../lib';
import { DONE, failure, unknownRecord } from '../actionResult';
import { describeOutcome } from '../describeOutcome';
import { freshAttempt } from '../freshAttempt';
import { launchChecks, retryPolicyChecks } from '../lazySchemas';
import { commit, track } from '../liveEvents';
import { messageOf } from '../messageOf';
import { getOwn } from '../ownKey';
import type { checkRetryPolicy as CheckRetryPolicyFn } from '../retryPolicySchema';
import type { Slice, StoreInternals } from '../storeInternals';
import type { EventStoreState, RetryPolicy, RetryRunState } from '../types';

/**
 * The store's `runRetryPolicy` and `stopRetryRun`: a chain of attempts under a policy, each
 * attempt listed as it starts and `retryRuns[chainId]` following the run live.
 */
export const createRetryRunSlice =
  (
    internals: StoreInternals,
  ): Slice<Pick<EventStoreState, 'retryRuns' | 'runRetryPolicy' | 'stopRetryRun'>> =>
  (set, get) => {
    const { records, live, retryControllers, batcher } = internals;
    const { clock, random, eventInit } = internals.time;

    const updateRun = (chainId: string, changes: Partial<RetryRunState>): void => {
      set((state) => {
        const run = getOwn(state.retryRuns, chainId);
        if (run === undefined) return {};
        return { retryRuns: { ...state.retryRuns, [chainId]: { ...run, ...changes } } };
      });
    };

    return {
      retryRuns: {},

      async runRetryPolicy(id, policy: RetryPolicy) {
        let checkRetryPolicy: typeof CheckRetryPolicyFn;
        try {
          // Both are shared fetches, so runs asked for together are checked in the order asked.
          ({ checkRetryPolicy } = await retryPolicyChecks.load());
          await launchChecks.load();
        } catch (error) {
          return failure(
            `The retry policy checks could not be loaded (${messageOf(error)}). Check the connection and try again.`,
          );
        }
        const checked = checkRetryPolicy(policy);
        if (!checked.ok) return failure(`Invalid retry policy: ${checked.problems}`);
        const record = records.get(id);
        if (record === undefined) return unknownRecord(id);
        const { chainId } = record;
        const running = getOwn(get().retryRuns, chainId);
        if (running !== undefined && running.status !== 'done') {
          return failure('A retry run is already going on for this chain of attempts.');
        }

        // A live event that has not ended is the first attempt; otherwise a fresh one is.
        let first = live.get(id);
        if (first === undefined || first.event.isTerminal) {
          const fresh = freshAttempt(internals, record, true);
          if (typeof fresh === 'string') return failure(fresh);
          first = fresh;
          commit(internals, [fresh.event.id]);
        }
        const { maxAttempts, baseDelay, factor, jitter } = checked.policy;
        const controller = new AbortController();
        retryControllers.set(chainId, controller);
        set((state) => ({
          retryRuns: {
            ...state.retryRuns,
            [chainId]: {
              chainId,
              attempt: 1,
              maxAttempts,
              status: 'running',
              nextRetryAt: null,
              outcome: null,
              reason: null,
              currentId: first.event.id,
            },
          },
        }));

        // The backoff waits on the scheduler in force now; its countdown is read in the same time.
        const backoffClock = eventInit.clock ?? clock;
        let result: RetryResult<Event>;
        try {
          result = await runWithRetry(first.event, {
            maxAttempts,
            baseDelay,
            factor,
            jitter,
            random,
            // The backoff waits in the time the attempts run in: a lesson clock when one is set.
            ...(eventInit.scheduler === undefined ? {} : { scheduler: eventInit.scheduler }),
            copyMeta: true,
            signal: controller.signal,
            onAttempt: ({ event, attempt }) => {
              let tracked = live.get(event.id);
              if (tracked === undefined) {
                // A fresh copy made by the runner: it joins the chain as it starts.
                tracked = track(internals, event, {
                  kind: record.kind,
                  label: record.label,
                  params: record.params,
                  invokeCalls: 1,
                });
                event.metadata.attempt = tracked.identity.attempt;
                commit(internals, [event.id]);
              } else {
                event.metadata.attempt = tracked.identity.attempt;
                if (!event.isTerminal) tracked.invokeCalls += 1;
                batcher.mark(event.id);
              }
              updateRun(chainId, {
                attempt,
                status: 'running',
                nextRetryAt: null,
                currentId: event.id,
              });
            },
            onFailedAttempt: ({ nextDelay }) => {
              if (nextDelay === undefined) return;
              updateRun(chainId, {
                status: 'waiting',
                nextRetryAt: backoffClock.now() + nextDelay * 1000,
              });
            },
          });
        } catch (error) {
          updateRun(chainId, {
            status: 'done',
            nextRetryAt: null,
            outcome: 'aborted',
            reason: `stopped: ${messageOf(error)}`,
          });
          return failure(`The retry run stopped: ${messageOf(error)}`);
        } finally {
          retryControllers.delete(chainId);
        }
        updateRun(chainId, {
          status: 'done',
          nextRetryAt: null,
          outcome: result.outcome,
          reason: describeOutcome(result, maxAttempts),
          attempt: result.attempts.length,
          currentId: result.last.id,
        });
        return { ok: true, outcome: result.outcome };
      },

      stopRetryRun(chainId) {
        const controller = retryControllers.get(chainId);
        if (controller === undefined) {
          return failure('No retry run is going on for this chain of attempts.');
        }
        controller.abort();
        return DONE;
      },
    };
  };

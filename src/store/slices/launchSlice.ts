import type { Event } from '../../lib';
import { findKind, type DemoKind, type DemoParams } from '../catalogue';
import { launchChecks } from '../lazySchemas';
import { commit, track } from '../liveEvents';
import { messageOf } from '../messageOf';
import type { Slice, StoreInternals } from '../storeInternals';
import { yieldToBrowser } from '../yieldToBrowser';
import type { EventStoreActions, FieldIssue, LaunchResult } from '../types';

/** Events started in one task; between slices the browser gets to handle input and paint. */
export const LAUNCH_SLICE = 250;

/**
 * The store's `launch`: checks the params with the kind's schema (fetched on the first
 * launch), then creates, tracks and invokes the events, added in one update.
 */
export const createLaunchSlice =
  (internals: StoreInternals): Slice<Pick<EventStoreActions, 'launch'>> =>
  () => {
    const { eventInit } = internals.time;

    /**
     * Creates `count` events (the first one already made; each told its place in the burst), tracks them, invokes each once and
     * adds them in one update per slice.
     */
    async function startAll(
      kind: DemoKind,
      params: DemoParams,
      first: Event,
      create: (index: number) => Event,
      count: number,
    ): Promise<string[]> {
      const ids: string[] = [];
      for (let start = 0; start < count; start += LAUNCH_SLICE) {
        // A burst of thousands would otherwise be made, started, settled and mirrored in one
        // long task.
        if (start > 0) await yieldToBrowser();
        const size = Math.min(LAUNCH_SLICE, count - start);
        const slice = Array.from({ length: size }, (_, index) => {
          const event = start === 0 && index === 0 ? first : create(start + index);
          track(internals, event, { kind: kind.kind, label: kind.label, params, invokeCalls: 1 });
          return event;
        });
        for (const event of slice) void event.invoke();
        const sliceIds = slice.map((event) => event.id);
        commit(internals, sliceIds);
        ids.push(...sliceIds);
      }
      return ids;
    }

    return {
      async launch(kindName, params, count = 1): Promise<LaunchResult> {
        const kind = findKind(kindName);
        if (kind === undefined) {
          return launchFailure([{ field: 'kind', message: `unknown kind "${kindName}"` }]);
        }
        let checks: Awaited<ReturnType<typeof launchChecks.load>>;
        try {
          checks = await launchChecks.load();
        } catch (error) {
          return launchFailure([
            {
              field: 'form',
              message: `The launch checks could not be loaded (${messageOf(error)}). Check the connection and try again.`,
            },
          ]);
        }
        const checked = checks.checkLaunch(kind.kind, params, count);
        if (!checked.ok) return launchFailure(checked.issues);

        // The first event is made now: a constructor that refuses the params launches nothing.
        // The others share its params and are made slice by slice.
        let first: Event;
        try {
          first = checked.create(eventInit, 0);
        } catch (error) {
          return launchFailure([issueFromError(error)]);
        }
        const create = (index: number): Event => checked.create(eventInit, index);
        return {
          ok: true,
          ids: await startAll(kind, checked.params, first, create, checked.count),
        };
      },
    };
  };

/** A failed launch: its issues, and `error` saying them in one line. */
function launchFailure(issues: FieldIssue[]): LaunchResult {
  const error = `Nothing was launched: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}.`;
  return { ok: false, error, issues };
}

/** A constructor's `ValidationError` as a launch issue, on the field it names. */
function issueFromError(error: unknown): FieldIssue {
  const details = (error as { details?: { field?: unknown } } | null)?.details;
  const field = typeof details?.field === 'string' ? details.field : 'params';
  return { field, message: messageOf(error) };
}

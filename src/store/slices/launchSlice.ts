import type { Event } from '../../lib';
import { findKind, type DemoKind, type DemoParams } from '../catalogue';
import { launchChecks } from '../lazySchemas';
import { commit, track } from '../liveEvents';
import { messageOf } from '../messageOf';
import type { Slice, StoreInternals } from '../storeInternals';
import { yieldToBrowser } from '../yieldToBrowser';
import type { EventStoreActions, FieldIssue, LaunchResult } from '../types';

/** Events started in one task at most; between slices the browser handles input and paints. */
export const LAUNCH_SLICE = 250;

/**
 * Main-thread time a slice may spend making events before it starts and lists them: starting
 * and mirroring take about as long again (React renders the list in a task of its own). On a
 * slow or busy machine a slice is cut here, before it reaches {@link LAUNCH_SLICE} events.
 */
export const LAUNCH_SLICE_MS = 4;

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
      const base = { kind: kind.kind, label: kind.label, params, invokeCalls: 1 };
      for (let start = 0; start < count; start = ids.length) {
        // A burst of thousands would otherwise be made, started, settled and mirrored in one
        // long task.
        if (start > 0) await yieldToBrowser();
        const size = Math.min(LAUNCH_SLICE, count - start);
        const started = performance.now();
        const slice: Event[] = [];
        while (slice.length < size && (slice.length === 0 || !spent(started))) {
          const index = start + slice.length;
          const event = index === 0 ? first : create(index);
          track(internals, event, base);
          slice.push(event);
        }
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

function spent(started: number): boolean {
  return performance.now() - started >= LAUNCH_SLICE_MS;
}

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

import type { Event } from '../lib';
import { findKind, type DemoKind, type DemoParams } from './catalogue';
import { launchChecks } from './lazySchemas';
import { messageOf } from './messageOf';
import type { StoreContext } from './storeContext';
import { yieldToBrowser } from './yieldToBrowser';
import type { EventStoreActions, FieldIssue, LaunchResult } from './types';

/** Events started in one task; between slices the browser gets to handle input and paint. */
export const LAUNCH_SLICE = 250;

/**
 * The store's `launch`: checks the params with the kind's schema (fetched on the first
 * launch), then creates, tracks and invokes the events, added in one update.
 */
export function createLaunchActions(context: StoreContext): Pick<EventStoreActions, 'launch'> {
  const { eventInit, track, commit } = context;

  /** Tracks the new events, invokes each once and adds them in one update per slice. */
  async function startAll(kind: DemoKind, params: DemoParams, events: Event[]): Promise<string[]> {
    const ids: string[] = [];
    for (let start = 0; start < events.length; start += LAUNCH_SLICE) {
      // A burst of thousands would otherwise start, settle and mirror in one long task.
      if (start > 0) await yieldToBrowser();
      const slice = events.slice(start, start + LAUNCH_SLICE).map((event) => {
        track(event, { kind: kind.kind, label: kind.label, params, invokeCalls: 1 });
        return event;
      });
      for (const event of slice) void event.invoke();
      const sliceIds = slice.map((event) => event.id);
      commit(sliceIds);
      ids.push(...sliceIds);
    }
    return ids;
  }

  return {
    async launch(kindName, params, count = 1): Promise<LaunchResult> {
      const kind = findKind(kindName);
      if (kind === undefined) {
        return {
          ok: false,
          issues: [{ field: 'kind', message: `unknown kind "${kindName}"` }],
        };
      }
      let checks: Awaited<ReturnType<typeof launchChecks.load>>;
      try {
        checks = await launchChecks.load();
      } catch (error) {
        return {
          ok: false,
          issues: [
            {
              field: 'form',
              message: `The launch checks could not be loaded (${messageOf(error)}). Check the connection and try again.`,
            },
          ],
        };
      }
      const checked = checks.checkLaunch(kind.kind, params, count);
      if (!checked.ok) return checked;

      const events: Event[] = [];
      try {
        for (let index = 0; index < checked.count; index++) {
          events.push(checked.create(eventInit, index));
        }
      } catch (error) {
        return { ok: false, issues: [issueFromError(error)] };
      }
      return { ok: true, ids: await startAll(kind, checked.params, events) };
    },
  };
}

/** A constructor's `ValidationError` as a launch issue, on the field it names. */
function issueFromError(error: unknown): FieldIssue {
  const details = (error as { details?: { field?: unknown } } | null)?.details;
  const field = typeof details?.field === 'string' ? details.field : 'params';
  return { field, message: messageOf(error) };
}

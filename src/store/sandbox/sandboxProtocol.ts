/**
 * The messages between the page and the sandbox worker that runs a learner's event.
 *
 * Page → worker: `{ type: 'run', phase: 'precheck' | 'invoke', metadata, attempt }`,
 * `{ type: 'abort', reason }` when the event times out or is cancelled (the page terminates
 * the worker right after, so work that ignores its signal stops too), and
 * `{ type: 'timer-fired', id }` when a timer the code set with `ctx.scheduler` or `ctx.sleep`
 * is due.
 *
 * Worker → page: `loaded` once the learner's code was evaluated, `load-failed` when it threw
 * while being evaluated, and one `settled` per `run`, with the value or the thrown value as a
 * {@link ThrownTree}; `timer` (`{ id, ms }`) and `clear-timer` (`{ id }`) ask the page to wait
 * on the event's scheduler, so the code's waits follow the lesson clock (pause, step, speed)
 * like the demo kinds' sleeps. Anything else the worker sends is a protocol error: the worker runs the
 * learner's code, so the page believes nothing it has not checked.
 */
import type { ThrownTree } from './thrownTree';

export type Phase = 'precheck' | 'invoke';

export type PageMessage =
  | { type: 'run'; phase: Phase; metadata: unknown; attempt: number }
  | { type: 'abort'; reason: string }
  | { type: 'timer-fired'; id: number };

export type WorkerMessage =
  | { type: 'loaded'; hasInvoke: boolean; hasPrecheck: boolean }
  | { type: 'load-failed'; error: ThrownTree }
  | { type: 'timer'; id: number; ms: number }
  | { type: 'clear-timer'; id: number }
  | { type: 'settled'; phase: Phase; ok: true; value: unknown; unserializable: boolean }
  | { type: 'settled'; phase: Phase; ok: false; error: ThrownTree };

/** Longest wait the page schedules for the code: about 24 days, as `setTimeout` allows. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Reads a message from the worker, or says what is wrong with it. */
export function parseWorkerMessage(data: unknown): WorkerMessage | { invalid: string } {
  if (typeof data !== 'object' || data === null)
    return { invalid: 'a message that is not an object' };
  const message = data as Record<string, unknown>;
  switch (message.type) {
    case 'loaded':
      return {
        type: 'loaded',
        hasInvoke: message.hasInvoke === true,
        hasPrecheck: message.hasPrecheck === true,
      };
    case 'load-failed':
      return { type: 'load-failed', error: message.error as ThrownTree };
    case 'timer':
    case 'clear-timer': {
      const { id, ms } = message;
      if (typeof id !== 'number' || !Number.isSafeInteger(id)) {
        return { invalid: `a ${message.type} message without a whole-number id` };
      }
      if (message.type === 'clear-timer') return { type: 'clear-timer', id };
      if (typeof ms !== 'number' || !(ms >= 0 && ms <= MAX_TIMER_MS)) {
        return { invalid: `a timer of ${named(ms)} ms (0 to ${String(MAX_TIMER_MS)} are waited)` };
      }
      return { type: 'timer', id, ms };
    }
    case 'settled': {
      const phase = message.phase;
      if (phase !== 'precheck' && phase !== 'invoke') {
        return { invalid: `a result for an unknown phase ${named(phase)}` };
      }
      if (message.ok === true) {
        return {
          type: 'settled',
          phase,
          ok: true,
          value: message.value,
          unserializable: message.unserializable === true,
        };
      }
      return { type: 'settled', phase, ok: false, error: message.error as ThrownTree };
    }
    default:
      return { invalid: `a message of unknown type ${named(message.type)}` };
  }
}

/** A value from the worker as a message names it: a string quoted, anything else by type. */
function named(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 100)) : typeof value;
}

import { useSyncExternalStore } from 'react';
import type { ExecutionDict, Transition } from '../../lib';

/**
 * Where the history slider stands, shared by the inspector and the diagram: a moment of one
 * event (an index into its transitions), or `null` for "now", following the event live.
 */
interface Scrub {
  recordId: string;
  index: number;
}

let scrub: Scrub | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Moves the slider of `recordId` to `index`, or back to "now" with `null`. */
export function setScrub(recordId: string, index: number | null): void {
  scrub = index === null ? null : { recordId, index };
  for (const listener of [...listeners]) listener();
}

/** The moment shown for `recordId`: an index into its transitions, or `null` for now. */
export function useScrubIndex(recordId: string | null): number | null {
  return useSyncExternalStore(subscribe, () =>
    scrub !== null && scrub.recordId === recordId ? scrub.index : null,
  );
}

/** The transitions up to the moment shown (all of them for "now"). */
export function transitionsAt(
  transitions: readonly Transition[],
  index: number | null,
): readonly Transition[] {
  return index === null ? transitions : transitions.slice(0, index + 1);
}

/**
 * `execution.toDict()` as it was at transition `index`: before the end nothing was known yet,
 * so every field but the status was still `Unset` (`null` in JSON).
 */
export function executionAt(
  execution: ExecutionDict,
  transitions: readonly Transition[],
  index: number | null,
): ExecutionDict {
  const moment = index === null ? undefined : transitions[index];
  if (moment === undefined || index === transitions.length - 1) return execution;
  return { status: moment.status, duration: null, response: null, error: null, retryable: null };
}

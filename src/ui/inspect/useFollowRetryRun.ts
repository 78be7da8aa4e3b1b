import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { getOwn, useEventStore } from '../../store';
import { storeActions } from '../common/storeActions.ts';

/**
 * When a retry run in the chain of the selected event starts a new attempt, select that
 * attempt, so the inspector follows the run. Only a new attempt in the same chain moves the
 * selection: a person who opens an earlier attempt, or another chain, stays there.
 */
export function useFollowRetryRun(): void {
  const [chainId, currentId] = useEventStore(
    useShallow((state): [string | null, string | null] => {
      const selected = state.selectedId === null ? undefined : state.records[state.selectedId];
      if (selected === undefined) return [null, null];
      return [selected.chainId, getOwn(state.retryRuns, selected.chainId)?.currentId ?? null];
    }),
  );
  const previous = useRef({ chainId, currentId });
  useEffect(() => {
    const before = previous.current;
    previous.current = { chainId, currentId };
    if (chainId === null || currentId === null) return;
    if (before.chainId === chainId && before.currentId !== currentId) {
      storeActions().select(currentId);
    }
  }, [chainId, currentId]);
}

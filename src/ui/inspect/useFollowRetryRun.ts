import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { getOwn, useEventStore, useSelectedRecord } from '../../store';
import { useStoreActions } from '../common/storeActions.ts';

/**
 * When a retry run in the chain of the selected event starts a new attempt, select that
 * attempt, so the inspector follows the run. Only a new attempt in the same chain moves the
 * selection: a person who opens an earlier attempt, or another chain, stays there.
 */
export function useFollowRetryRun(): void {
  const selectedChainId = useSelectedRecord()?.chainId ?? null;
  const [chainId, currentId] = useEventStore(
    useShallow((state): [string | null, string | null] => {
      if (selectedChainId === null) return [null, null];
      return [selectedChainId, getOwn(state.retryRuns, selectedChainId)?.currentId ?? null];
    }),
  );
  const actions = useStoreActions();
  const previous = useRef({ chainId, currentId });
  useEffect(() => {
    const before = previous.current;
    previous.current = { chainId, currentId };
    if (chainId === null || currentId === null) return;
    if (before.chainId === chainId && before.currentId !== currentId) {
      actions.select(currentId);
    }
  }, [actions, chainId, currentId]);
}

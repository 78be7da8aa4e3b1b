import {
  getAppStore,
  useEventStoreApi,
  type ActionResult,
  type EventStoreActions,
  type Notice,
} from '../../store';

/**
 * The store's actions, read when called. Actions never change, so components call them
 * through here instead of subscribing to them: `storeActions().select(id)`.
 */
export function storeActions(): EventStoreActions {
  return getAppStore().getState();
}

/**
 * The actions of the store a component reads: the nearest `EventStoreProvider`'s, or the
 * app store. Actions never change, so the object is safe to call from handlers and effects.
 */
export function useStoreActions(): EventStoreActions {
  return useEventStoreApi().getState();
}

/**
 * An action's result for a TanStack Query mutation: what it made when it worked, thrown as
 * an `Error` with its words when it failed, so the mutation's `isError` shows it.
 */
export function okOrThrow<T extends object>(result: ActionResult<T>): T & { ok: true } {
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Shows a failed action's words as a notice (for actions the person did not watch happen). */
export function noticeOnFailure(
  actions: Pick<EventStoreActions, 'notify'>,
  result: ActionResult,
  level: Notice['level'] = 'info',
): void {
  if (!result.ok) actions.notify(level, result.error);
}

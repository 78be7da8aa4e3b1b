import { getAppStore, type EventStoreActions } from '../../store';

/**
 * The store's actions, read when called. Actions never change, so components call them
 * through here instead of subscribing to them: `storeActions().select(id)`.
 */
export function storeActions(): EventStoreActions {
  return getAppStore().getState();
}

import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { EventStore } from './types';
import { getAppStore } from './appStore';

const EventStoreContext = createContext<EventStore | null>(null);

/**
 * Gives the components inside it `store` instead of the app store: a test renders a
 * component with a store of its own, a story or an embedded view with one it made.
 *
 * ```tsx
 * <EventStoreProvider store={createEventStore({ storage: null })}>
 *   <StatusCounters />
 * </EventStoreProvider>
 * ```
 */
export function EventStoreProvider({
  store,
  children,
}: {
  store: EventStore;
  children?: ReactNode;
}): ReactNode {
  return createElement(EventStoreContext.Provider, { value: store }, children);
}

/**
 * The store of the nearest {@link EventStoreProvider}, or the app store when there is none:
 * for reading it in event handlers (`useEventStoreApi().getState().select(id)`).
 */
export function useEventStoreApi(): EventStore {
  return useContext(EventStoreContext) ?? getAppStore();
}

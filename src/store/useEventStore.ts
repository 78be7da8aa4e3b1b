import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { useEventStoreApi } from './eventStoreContext';
import type { EventStoreState } from './types';

/**
 * Reads the store in a component (the nearest `EventStoreProvider`'s, or the app store);
 * re-renders when the selected value changes
 * (`Object.is`). Return primitives or stable references — see `./selectors`.
 *
 * ```tsx
 * const selectedId = useEventStore((state) => state.selectedId);
 * const launch = useEventStore((state) => state.launch);
 * ```
 */
export function useEventStore<T>(selector: (state: EventStoreState) => T): T {
  return useStore(useEventStoreApi(), selector);
}

/**
 * {@link useEventStore} for selectors that build a new object or array each time: re-renders
 * only when the result differs shallowly.
 *
 * ```tsx
 * const { cancel, retryFresh } = useEventStoreShallow((s) => ({ cancel: s.cancel, retryFresh: s.retryFresh }));
 * ```
 */
export function useEventStoreShallow<T>(selector: (state: EventStoreState) => T): T {
  return useStore(useEventStoreApi(), useShallow(selector));
}

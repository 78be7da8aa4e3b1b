import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { NO_SELECTION, type Selection } from './toggleSelection.ts';

/**
 * The ticked rows of the event list: small UI state of its own, apart from the event store,
 * so ticking a row re-renders that row and the bulk bar and nothing else.
 */
const selectionStore = createStore<{ selection: Selection }>(() => ({ selection: NO_SELECTION }));

/** Reads the selection; return primitives (`(s) => s.ids.has(id)`) so rows re-render alone. */
export function useSelection<T>(selector: (selection: Selection) => T): T {
  return useStore(selectionStore, (state) => selector(state.selection));
}

/** Replaces the selection with `change(current)`. */
export function updateSelection(change: (selection: Selection) => Selection): void {
  selectionStore.setState((state) => ({ selection: change(state.selection) }));
}

/** The selection now, for event handlers. */
export function currentSelection(): Selection {
  return selectionStore.getState().selection;
}

import { useListShortcuts } from './useListShortcuts.ts';

/**
 * The list's keyboard shortcuts (see `useListShortcuts`) as a component that draws nothing,
 * so they come in their own chunk after the first render.
 */
export default function ListShortcuts({ rowIds }: { rowIds: readonly string[] }) {
  useListShortcuts(rowIds);
  return null;
}

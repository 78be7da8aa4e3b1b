import type { ListRows } from './listRows.ts';
import { useListShortcuts } from './useListShortcuts.ts';

/**
 * The list's keyboard shortcuts (see `useListShortcuts`) as a component that draws nothing,
 * so they come in their own chunk after the first render.
 */
export default function ListShortcuts({ rows }: { rows: ListRows }) {
  useListShortcuts(rows);
  return null;
}

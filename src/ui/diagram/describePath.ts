import type { EventStatus } from '../../lib';

/** The diagram's text alternative: what it shows, in one or two sentences. */
export function describePath(path: readonly EventStatus[]): string {
  const base =
    'Lifecycle diagram. Allowed moves: pending to processing, cancelled, skipped or aborted; processing to completed, failed or cancelled.';
  const current = path.at(-1);
  if (current === undefined) return `${base} No event selected.`;
  return `${base} Path taken: ${path.join(' → ')}. Current state: ${current}.`;
}

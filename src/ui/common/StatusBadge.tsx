import type { EventStatus } from '../../lib';
import './statusBadge.css';

/**
 * A status as shape + name, coloured as a third, redundant cue. The shape is drawn by CSS
 * (`statusBadge.css`) so the element's text is exactly the status name.
 */
export function StatusBadge({ status }: { status: EventStatus }) {
  return <span className={`status-badge status-${status}`}>{status}</span>;
}

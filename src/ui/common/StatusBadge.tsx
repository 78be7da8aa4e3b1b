import type { EventStatus } from '../../lib';
import './statusBadge.css';

/**
 * A status as shape + name, coloured as a third, redundant cue. The shape is drawn by CSS
 * (`statusBadge.css`) so the element's text is exactly the status name. `still` keeps the
 * processing shape from turning where nothing runs (a legend with no processing event): a
 * turning shape has the browser redraw the page every frame, for as long as it is shown.
 */
export function StatusBadge({ status, still = false }: { status: EventStatus; still?: boolean }) {
  return (
    <span className={`status-badge status-${status}${still ? ' status-still' : ''}`}>{status}</span>
  );
}

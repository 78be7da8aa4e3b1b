import type { EventRecord } from '../../store';
import { formatSeconds } from '../common/formatDuration.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';

/**
 * The timeline of an event read from a lionherd log: only the times the log holds (when it
 * was created, how long it took, how it ended), not steps it does not record.
 */
export function LoggedTimes({ record }: { record: EventRecord }) {
  return (
    <>
      <ol aria-label="Transition timeline" className="timeline">
        <li>
          <span className="timeline-offset">created</span>
          <time dateTime={record.createdAt}>{record.createdAt}</time>
        </li>
        <li>
          <span className="timeline-offset">
            {record.duration === null ? 'ended' : `+${formatSeconds(record.duration)}`}
          </span>
          <StatusBadge status={record.status} />
        </li>
      </ol>
      <p className="muted action-note">
        A lionherd log keeps the creation time, the final status and the duration only; the steps in
        between are not recorded.
      </p>
    </>
  );
}

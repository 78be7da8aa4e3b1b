import { EVENT_STATUSES } from '../../lib';
import { useStatusCounts } from '../../store';
import { StatusBadge } from '../common/StatusBadge.tsx';

/** One counter per status, each named, plus the total. */
export function StatusCounters() {
  const counts = useStatusCounts();
  return (
    <ul aria-label="Status counters" className="status-counters">
      {EVENT_STATUSES.map((status) => (
        <li key={status} aria-label={`${status}: ${String(counts[status])}`}>
          <StatusBadge status={status} />
          <span className="count">{counts[status]}</span>
        </li>
      ))}
      <li aria-label={`total: ${String(counts.total)}`} className="total">
        <span>total</span>
        <span className="count">{counts.total}</span>
      </li>
    </ul>
  );
}

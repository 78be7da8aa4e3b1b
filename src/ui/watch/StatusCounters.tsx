import { EVENT_STATUSES } from '../../lib';
import { useRecordsSelector } from '../../store';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { countsBySource } from './countsBySource.ts';
import { LIST_EVERY_MS } from './shownIds.ts';

/**
 * One counter per status for this page's events, each named; imported records counted apart
 * ("+ 120 imported"), so a pending record in a log never adds to your pending events; then
 * the total of everything listed. The processing shape turns only while events process.
 * Read at most every `LIST_EVERY_MS` while events keep changing, as the list is: redrawn every
 * frame, numbers churning faster than anyone reads them were most of a burst's layout and
 * paint.
 */
export function StatusCounters() {
  const { own, imported, total } = useRecordsSelector(countsBySource, { everyMs: LIST_EVERY_MS });
  return (
    <ul aria-label="Status counters" className="status-counters">
      {EVENT_STATUSES.map((status) => (
        <li key={status} aria-label={`${status}: ${String(own[status])}`}>
          <StatusBadge status={status} still={own[status] === 0} />
          <span className="count">{own[status]}</span>
        </li>
      ))}
      {imported > 0 ? (
        <li
          aria-label={`imported: ${String(imported)}`}
          className="imported"
          title="Records read from a log: not counted in the statuses above"
        >
          <span>+ {imported} imported</span>
        </li>
      ) : null}
      <li aria-label={`total: ${String(total)}`} className="total">
        <span>total</span>
        <span className="count">{total}</span>
      </li>
    </ul>
  );
}

import type { EventRecord } from '../../store';

/** How often `invoke()` was called and how often the work really ran: idempotency, visible. */
export function RunCounts({ record }: { record: EventRecord }) {
  return (
    <p className="run-counts">
      invoke count: {record.invokeCalls}, _invoke runs: {record.runs}
    </p>
  );
}

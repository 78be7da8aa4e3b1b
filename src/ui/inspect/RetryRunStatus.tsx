import { useEventStore, useRecord, type RetryRunState } from '../../store';
import { formatSeconds } from '../common/formatDuration.ts';
import { useClockNow } from '../common/ticker.ts';

/**
 * Where a retry run is, numbered like the attempt chain ("attempt 3 of at most 4"), the
 * countdown to the next attempt, and the stop reason in words.
 */
export function RetryRunStatus({ run }: { run: RetryRunState }) {
  const waiting = run.status === 'waiting' && run.nextRetryAt !== null;
  // The countdown runs in the time the attempts run in (a lesson clock, or the wall clock).
  const clock = useEventStore((state) => state.clockOf(run.currentId));
  const now = useClockNow(clock, waiting);
  const current = useRecord(run.currentId)?.attempt ?? run.attempt;
  const last = current - run.attempt + run.maxAttempts;
  const left = waiting ? Math.max(0, ((run.nextRetryAt ?? now) - now) / 1000) : 0;
  return (
    <div role="status" aria-label="Retry run" className="retry-run">
      <p>
        <strong>
          Retry run: attempt {current} of at most {last}
        </strong>
        {run.status === 'running' ? ' — running' : null}
        {waiting ? ` — next attempt in ${formatSeconds(left)}` : null}
      </p>
      {run.status === 'done' && run.reason ? <p>{run.reason}</p> : null}
    </div>
  );
}

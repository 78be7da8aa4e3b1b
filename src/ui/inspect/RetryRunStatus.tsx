import type { RetryRunState } from '../../store';
import { formatSeconds } from '../common/formatDuration.ts';
import { useNow } from '../common/ticker.ts';

/** "attempt N of M", the countdown to the next attempt, and the stop reason in words. */
export function RetryRunStatus({ run }: { run: RetryRunState }) {
  const waiting = run.status === 'waiting' && run.nextRetryAt !== null;
  const now = useNow(waiting);
  const left = waiting ? Math.max(0, ((run.nextRetryAt ?? now) - now) / 1000) : 0;
  return (
    <div role="status" aria-label="Retry run" className="retry-run">
      <p>
        <strong>
          attempt {run.attempt} of {run.maxAttempts}
        </strong>
        {run.status === 'running' ? ' — running' : null}
        {waiting ? ` — next retry in ${formatSeconds(left)}` : null}
      </p>
      {run.status === 'done' && run.reason ? <p>{run.reason}</p> : null}
    </div>
  );
}

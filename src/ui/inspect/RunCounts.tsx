import type { EventRecord } from '../../store';

/**
 * How often `invoke()` was called and how often the work really ran: idempotency, visible.
 * Imported logs do not record either, so nothing is shown for them rather than a guess.
 */
export function RunCounts({ record }: { record: EventRecord }) {
  if (record.source === 'imported') {
    return (
      <p className="muted run-counts-note">
        The log does not record how often this event was invoked or ran.
      </p>
    );
  }
  return (
    <div className="run-counts">
      <p className="run-counts-values">
        invoke() called: {record.invokeCalls} · runs of _invoke: {record.runs}
      </p>
      <details className="glossary">
        <summary>What are these?</summary>
        <p>
          <code>invoke()</code> is what callers call. <code>_invoke</code> is the work the event
          does. However often <code>invoke()</code> is called, even at once, <code>_invoke</code>{' '}
          runs at most once: every later call gets the same outcome back from the cache.
        </p>
      </details>
    </div>
  );
}

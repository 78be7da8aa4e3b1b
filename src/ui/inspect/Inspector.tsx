import { lazy, Suspense, useDeferredValue, useEffect, useRef } from 'react';
import {
  getOwn,
  isRunningInAnotherTab,
  readOnlyOrigin,
  useEventStore,
  useSelectedRecord,
  type EventRecord,
} from '../../store';
import { formatSeconds } from '../common/formatDuration.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { AttemptChain } from './AttemptChain.tsx';
import { ErrorInspector } from './ErrorInspector.tsx';
import { actionsFor } from './actionsForStatus.ts';
import { EventActions } from './EventActions.tsx';
import { LoggedTimes } from './LoggedTimes.tsx';
import { ResponseView } from './ResponseView.tsx';
import { RetryPolicyForm } from './RetryPolicyForm.tsx';
import { RetryRunStatus } from './RetryRunStatus.tsx';
import { RunCounts } from './RunCounts.tsx';
import { TransitionTimeline } from './TransitionTimeline.tsx';
import { HistorySlider } from './HistorySlider.tsx';
import { executionAt, transitionsAt, useScrubIndex } from './scrubState.ts';
import { useFollowRetryRun } from './useFollowRetryRun.ts';
import { FOCUS_TARGET } from '../layout/focusTargets.ts';
import { takeFocusRequest } from './focusRequest.ts';
import './inspector.css';

const ExecutionJson = lazy(() => import('./ExecutionJson.tsx'));

/** Everything about the selected event, and what can be done with it. */
export default function Inspector() {
  useFollowRetryRun();
  // Deferred: the details of a newly selected event are rendered in the background, in slices
  // React can interrupt, rather than in the click's task (an error group 150,000 wide, a 10 MB
  // response); the list shows the selection at once.
  const record = useDeferredValue(useSelectedRecord());
  if (!record) {
    return (
      <div className="muted inspector-empty">
        <p>Nothing selected yet.</p>
        <p>
          Select an event in the list, or launch one: this is where its timeline, response, error
          tree and retry attempts appear, with what you can do next.
        </p>
      </div>
    );
  }
  return <RecordDetails key={record.id} record={record} />;
}

function RecordDetails({ record }: { record: EventRecord }) {
  const readOnly = record.source !== 'live';
  const offered = actionsFor(record.status, record.source);
  const run = useEventStore((state) => getOwn(state.retryRuns, record.chainId));
  const scrubIndex = useScrubIndex(record.id);
  const hasHistory = record.importedFrom?.format !== 'lionherd';
  const details = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (takeFocusRequest(record.id)) details.current?.focus();
  }, [record.id]);
  return (
    <div className="record-details" id={FOCUS_TARGET.inspector} tabIndex={-1} ref={details}>
      <div className="record-heading">
        <h3>
          {record.label} <span className="muted">· attempt {record.attempt}</span>
        </h3>
        <p role="status" aria-label="Event status" className="record-status">
          <StatusBadge status={record.status} />
        </p>
      </div>
      <p className="record-meta muted">
        id <code>{record.id}</code>
        {record.duration === null ? null : <> · ran for {formatSeconds(record.duration)}</>}
        {record.progress === null ? null : (
          <>
            {' '}
            · progress {Math.round(record.progress * 100)}%
            {record.progressMessage ? ` (${record.progressMessage})` : ''}
          </>
        )}
      </p>
      {readOnly ? (
        <p className="read-only-note">
          <span className="tag">read-only</span> {readOnlyNote(record)}
        </p>
      ) : null}
      {run ? <RetryRunStatus run={run} /> : null}
      <RunCounts record={record} />

      <section aria-labelledby={`${record.id}-act`}>
        <h4 id={`${record.id}-act`}>Act</h4>
        <EventActions record={record} />
      </section>

      <section aria-labelledby={`${record.id}-chain`}>
        <h4 id={`${record.id}-chain`}>Attempt chain</h4>
        <AttemptChain record={record} />
      </section>

      <section aria-labelledby={`${record.id}-timeline`}>
        <h4 id={`${record.id}-timeline`}>Timeline</h4>
        {hasHistory ? (
          <>
            <HistorySlider
              recordId={record.id}
              transitions={record.transitions}
              index={scrubIndex}
            />
            <TransitionTimeline
              transitions={transitionsAt(record.transitions, scrubIndex)}
              error={scrubIndex === null ? record.execution.error : null}
            />
          </>
        ) : (
          <LoggedTimes record={record} />
        )}
      </section>

      <section aria-labelledby={`${record.id}-response`} className="sized-by-data">
        <h4 id={`${record.id}-response`}>Response</h4>
        <ResponseView record={record} />
      </section>

      <section aria-labelledby={`${record.id}-error`} className="sized-by-data">
        <h4 id={`${record.id}-error`}>Error</h4>
        <ErrorInspector record={record} />
      </section>

      <details className="json-details sized-by-data" open>
        <summary>execution.toDict() JSON</summary>
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <ExecutionJson
            execution={executionAt(record.execution, record.transitions, scrubIndex)}
          />
        </Suspense>
      </details>

      {offered.retryPolicy || run !== undefined ? (
        <section aria-labelledby={`${record.id}-policy`}>
          <h4 id={`${record.id}-policy`}>Retry policy</h4>
          <RetryPolicyForm record={record} />
        </section>
      ) : null}
    </div>
  );
}

/** Why the inspector offers no invoke or cancel for a record that is not live here. */
function readOnlyNote(record: EventRecord): string {
  const origin = readOnlyOrigin(record);
  if (record.source === 'imported') {
    return `${origin} — read-only: its event is not in this page, so it cannot be invoked or cancelled.`;
  }
  if (record.source === 'remote') {
    return `${origin} — read-only here: its event is in that process, so it is not invoked or cancelled from this page.`;
  }
  if (isRunningInAnotherTab(record)) {
    return `${origin} — read-only here: invoke or cancel it in that tab; once it ended it can be retried fresh here.`;
  }
  return `${origin} — read-only: it can be retried fresh, not invoked or cancelled.`;
}

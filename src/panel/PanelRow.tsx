import { memo, useId, useMemo, useState } from 'react';
import type { PanelEntry } from './describeEvent.ts';
import { formatDuration } from './formatDuration.ts';

export interface PanelRowProps {
  entry: PanelEntry;
  onRetry: (entry: PanelEntry) => void;
}

/** Marks that repeat the status word for sighted readers; the word itself carries the meaning. */
const STATUS_MARKS: Readonly<Record<string, string>> = {
  pending: '○',
  processing: '◐',
  completed: '✓',
  failed: '✕',
  cancelled: '⊘',
  skipped: '↷',
  aborted: '!',
};

/**
 * One event: label, status in words, duration, error with its retryable verdict, "Retry fresh"
 * for failed and cancelled events, and its `toDict()` as text on demand. Memoised: the feed
 * hands out a new entry only for an event that changed, so the other rows skip rendering.
 */
export const PanelRow = memo(function PanelRow({ entry, onRetry }: PanelRowProps) {
  const [expanded, setExpanded] = useState(false);
  const labelId = useId();
  const jsonId = useId();
  return (
    <li className="llp-row" aria-labelledby={labelId}>
      <div className="llp-row-head">
        <span className="llp-label" id={labelId}>
          {entry.label}
        </span>
        <span className={`llp-status llp-status-${entry.status}`}>
          <span aria-hidden="true">{STATUS_MARKS[entry.status] ?? '·'} </span>
          {entry.status}
        </span>
        {entry.duration !== null && (
          <span className="llp-duration">{formatDuration(entry.duration)}</span>
        )}
      </div>
      {entry.error !== null && <p className="llp-error">{entry.error}</p>}
      {entry.verdict !== null && <p className="llp-verdict">{entry.verdict}</p>}
      <div className="llp-actions">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={expanded ? jsonId : undefined}
          aria-describedby={labelId}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          {expanded ? 'Hide JSON' : 'Show JSON'}
        </button>
        {entry.canRetry && (
          <button
            type="button"
            aria-describedby={labelId}
            onClick={() => {
              onRetry(entry);
            }}
          >
            Retry fresh
          </button>
        )}
      </div>
      {expanded && <EventJson id={jsonId} entry={entry} />}
    </li>
  );
});

function EventJson({ id, entry }: { id: string; entry: PanelEntry }) {
  // Text, never markup: messages from errors are shown as they are and cannot inject anything.
  const json = useMemo(() => JSON.stringify(entry.dict, null, 2), [entry.dict]);
  return (
    <pre className="llp-json" id={id} tabIndex={0} aria-label={`toDict() of ${entry.label}`}>
      {json}
    </pre>
  );
}

import { memo } from 'react';
import { liveDuration, useEventStore, useRecord } from '../../store';
import { formatSeconds } from '../common/formatDuration.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';
import { useClockNow } from '../common/ticker.ts';
import { SourceBadge } from '../sources/SourceBadge.tsx';

interface Props {
  id: string;
  /** Attempts the event's retry chain has in the history. */
  chainSize: number;
  selected: boolean;
  onSelect: (id: string) => void;
}

/**
 * One event in the list: a button whose name says status, kind, attempt, source and duration.
 * Two lines (status, kind and duration; then attempt, source and id), so none of them is cut
 * short in a narrow column or on a phone.
 */
export const EventRow = memo(function EventRow({ id, chainSize, selected, onSelect }: Props) {
  const record = useRecord(id);
  // Only processing rows listen to the shared ticker; the others never re-render on ticks.
  // Read in the event's own clock: a lesson clock, or the wall clock for real-time events.
  const clock = useEventStore((state) => state.clockOf(id));
  const now = useClockNow(clock, record?.status === 'processing');
  if (!record) return null;
  const seconds = liveDuration(record, now);
  return (
    <button
      type="button"
      className="event-row"
      aria-pressed={selected}
      onClick={() => {
        onSelect(id);
      }}
    >
      <StatusBadge status={record.status} />
      <span className="row-kind">{record.label}</span>
      <span className="row-meta">
        <span className="row-attempt">
          attempt {record.attempt}
          {chainSize > 1 ? ` of ${String(Math.max(chainSize, record.attempt))}` : ''}
        </span>
        <SourceBadge record={record} />
      </span>
      <span className="row-duration">{seconds === null ? '—' : formatSeconds(seconds)}</span>
      <span className="row-id" title={id}>
        {shortId(id)}
      </span>
    </button>
  );
});

/** Both ends of an id: enough to tell apart ids that share a prefix (imported samples). */
function shortId(id: string): string {
  return id.length <= 10 ? id : `${id.slice(0, 4)}…${id.slice(-4)}`;
}

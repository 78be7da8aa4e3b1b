import { selectRecordCount, useRecordsSelector } from '../../store';

/**
 * What the event list shows when no event passes the filters: first steps when the history is
 * empty, and how to see the others when the filters hide them all.
 */
export function EmptyEventList() {
  const total = useRecordsSelector(selectRecordCount);
  if (total > 0) {
    return (
      <div className="muted empty-list">
        <p>
          No event matches the filters; {total} {total === 1 ? 'event is' : 'events are'} hidden.
          Clear the filters to see them.
        </p>
      </div>
    );
  }
  return (
    <div className="muted empty-list">
      <p>No events yet. Things to try first:</p>
      <ul>
        <li>Launch a Simple event and watch it go pending → processing → completed.</li>
        <li>Launch a Failing event, read its verdict, then Retry fresh.</li>
        <li>Launch a burst of 20 Slow events and cancel one while it runs.</li>
        <li>Import a log, or drop a JSON log file anywhere on the page.</li>
      </ul>
    </div>
  );
}

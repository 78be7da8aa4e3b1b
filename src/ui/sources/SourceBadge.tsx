import { sourceLabelOf, type EventRecord } from '../../store';
import './sources.css';

/**
 * Where a row's event comes from, in words (with a glyph as a second cue, never colour alone):
 * `this page`, the name of a remote process, or an imported file. A running event whose
 * source went away says "source disconnected", and once the source is back as a new run that
 * has not resumed it, "source restarted without finishing it".
 */
export function SourceBadge({ record }: { record: EventRecord }) {
  const remote = record.remote;
  const glyph = remote !== undefined ? '⇄' : record.source === 'imported' ? '⤓' : '◎';
  return (
    <span className="source-badge" title={sourceLabelOf(record)}>
      <span aria-hidden="true">{glyph} </span>
      {sourceLabelOf(record)}
      {remote?.disconnected === true || remote?.restarted === true ? (
        <span className="source-cut">
          {remote.disconnected
            ? ' · source disconnected'
            : ' · source restarted without finishing it'}
        </span>
      ) : null}
    </span>
  );
}

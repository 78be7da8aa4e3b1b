import { useId } from 'react';
import { EVENT_STATUSES, type EventStatus } from '../../lib';
import { DEMO_KINDS } from '../../store';

export interface ListFilter {
  status: EventStatus | 'all';
  kind: string;
  search: string;
  /** A source key (`this-page`, `remote:<name>`, `imported:<file>`) or `all`. */
  source: string;
}

interface Props {
  filter: ListFilter;
  onChange: (filter: ListFilter) => void;
  /** Kinds found in the history that the catalogue does not know (imports). */
  extraKinds: readonly string[];
  /** Sources to pick from besides all: key and name. */
  sources: readonly { key: string; name: string }[];
}

/** Status and kind filters and a text search over the event list. */
export function EventFilters({ filter, onChange, extraKinds, sources }: Props) {
  const id = useId();
  return (
    <div className="event-filters" role="search" aria-label="Filter events">
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(event) => {
            onChange({ ...filter, status: event.target.value as EventStatus | 'all' });
          }}
        >
          <option value="all">All statuses</option>
          {EVENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={filter.kind}
          onChange={(event) => {
            onChange({ ...filter, kind: event.target.value });
          }}
        >
          <option value="all">All kinds</option>
          {DEMO_KINDS.map((kind) => (
            <option key={kind.kind} value={kind.kind}>
              {kind.label}
            </option>
          ))}
          {extraKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind} (imported)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select
          id={`${id}-source`}
          value={filter.source}
          onChange={(event) => {
            onChange({ ...filter, source: event.target.value });
          }}
        >
          <option value="all">All sources</option>
          {sources.map((source) => (
            <option key={source.key} value={source.key}>
              {source.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field search-field">
        <label htmlFor={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          placeholder="id, kind, error, response…"
          value={filter.search}
          onChange={(event) => {
            onChange({ ...filter, search: event.target.value });
          }}
        />
      </div>
    </div>
  );
}

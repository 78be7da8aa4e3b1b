import { useId } from 'react';
import { EVENT_STATUSES } from '../../lib';
import { DEMO_KINDS } from '../../store';
import { FOCUS_TARGET } from '../layout/focusTargets.ts';
import { parseFilterQuery, singleTerm, withTerm } from './filterQuery.ts';
import { useSourceOptions } from '../sources/useSourceOptions.ts';

interface Props {
  /** The query as typed; the pickers edit its `status:`, `kind:` and `source:` terms. */
  query: string;
  onChange: (query: string) => void;
  /** Kinds found in the history that the catalogue does not know (imports). */
  extraKinds: readonly string[];
  /** Sources to pick from besides all: key and name. */
}

/**
 * One filter query a person can read, type and share, plus status and kind pickers that write
 * their part of it: picking "failed" puts `status:failed` in the query.
 */
export function EventFilters({ query, onChange, extraKinds }: Props) {
  const sources = useSourceOptions();
  const id = useId();
  const parsed = parseFilterQuery(query);
  const status = singleTerm(parsed, 'status') ?? 'all';
  const kind = singleTerm(parsed, 'kind') ?? 'all';
  const source = singleTerm(parsed, 'source') ?? 'all';
  const helpId = `${id}-help`;
  const problemsId = `${id}-problems`;
  return (
    <div className="event-filters" role="search" aria-label="Filter events">
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(event) => {
            const value = event.target.value;
            onChange(withTerm(query, 'status', value === 'all' ? null : value));
          }}
        >
          <option value="all">All statuses</option>
          {EVENT_STATUSES.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={kind}
          onChange={(event) => {
            const value = event.target.value;
            onChange(withTerm(query, 'kind', value === 'all' ? null : value));
          }}
        >
          <option value="all">All kinds</option>
          {DEMO_KINDS.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
          {extraKinds.map((value) => (
            <option key={value} value={value.toLowerCase()}>
              {value} (imported)
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-source`}>Source</label>
        <select
          id={`${id}-source`}
          value={source}
          onChange={(event) => {
            const value = event.target.value;
            onChange(withTerm(query, 'source', value === 'all' ? null : value));
          }}
        >
          <option value="all">All sources</option>
          {sources.map((source) => (
            <option key={source.key} value={source.key.toLowerCase()}>
              {source.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field search-field">
        <div className="search-label-row">
          <label htmlFor={FOCUS_TARGET.query}>Search or filter</label>
          {/* The syntax stays one click away, so the list keeps the room. */}
          <details className="query-help">
            <summary>Query syntax</summary>
            <p id={helpId} className="field-help muted">
              Filter by <code>status:</code> <code>kind:</code> <code>retryable:true</code>{' '}
              <code>error:</code> <code>attempt:&gt;1</code> <code>source:imported</code>; other
              words are searched for. The address keeps the query, so it can be shared.
            </p>
          </details>
        </div>
        <input
          id={FOCUS_TARGET.query}
          type="search"
          placeholder="status:failed attempt:>1 text…"
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-describedby={parsed.problems.length > 0 ? `${problemsId} ${helpId}` : helpId}
          aria-invalid={parsed.problems.length > 0 ? true : undefined}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      </div>
      {parsed.problems.length > 0 ? (
        <ul id={problemsId} className="field-error query-problems">
          {parsed.problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const SELECTS = [
  { label: 'Status', all: 'All statuses' },
  { label: 'Kind', all: 'All kinds' },
  { label: 'Source', all: 'All sources' },
];

/**
 * The filters before their chunk arrives: the same boxes, inert and hidden from assistive
 * technology, so the list below does not jump down when they do.
 */
export function EventFiltersPlaceholder() {
  return (
    <div className="event-filters" aria-hidden="true" inert>
      {SELECTS.map(({ label, all }) => (
        <div key={label} className="field">
          <label>{label}</label>
          <select disabled tabIndex={-1}>
            <option>{all}</option>
          </select>
        </div>
      ))}
      <div className="field search-field">
        <div className="search-label-row">
          <label>Search or filter</label>
          <details className="query-help">
            <summary>Query syntax</summary>
          </details>
        </div>
        <input type="search" disabled tabIndex={-1} />
      </div>
    </div>
  );
}

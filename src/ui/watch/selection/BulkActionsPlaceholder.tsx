import './bulkActions.css';

/**
 * The bulk actions' first row before their chunk arrives: the same box, inert and hidden from
 * assistive technology, so the list below does not move down a line when they do.
 */
export function BulkActionsPlaceholder({ shown }: { shown: number }) {
  return (
    <div className="bulk-actions" aria-hidden="true" inert>
      <div className="bulk-row">
        <label className="select-all">
          <input type="checkbox" disabled tabIndex={-1} />
          Select all {shown} shown
        </label>
        <span className="selected-count">0 selected</span>
      </div>
      <p className="bulk-said" />
    </div>
  );
}

/** What the event list shows when no event passes the filters. */
export function EmptyEventList() {
  return <p className="muted empty-list">No events to show. Launch one, or change the filters.</p>;
}

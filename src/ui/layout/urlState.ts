/**
 * What the address keeps: the list's filter query in `?q=` and the open event in
 * `#/event/<id>`, so a view can be reloaded, bookmarked and shared. Written with
 * `replaceState`: moving around the dashboard does not fill the back button's history.
 */

const EVENT_HASH = /^#\/event\/([^/?#]+)$/;

/** The event id in the address (`#/event/<id>`), or `null`. */
export function readEventLink(): string | null {
  const match = EVENT_HASH.exec(window.location.hash);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

/** Points the address at an event, or at none. */
export function writeEventLink(id: string | null): void {
  const hash = id === null ? '' : `#/event/${encodeURIComponent(id)}`;
  if (window.location.hash === hash) return;
  const url = new URL(window.location.href);
  url.hash = hash;
  window.history.replaceState(window.history.state, '', url);
}

/** The filter query in the address (`?q=`), or `''`. */
export function readQueryParam(): string {
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/** Keeps the filter query in the address; an empty query leaves no `?q=`. */
export function writeQueryParam(query: string): void {
  const url = new URL(window.location.href);
  if (query.trim() === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (url.href === window.location.href) return;
  window.history.replaceState(window.history.state, '', url);
}

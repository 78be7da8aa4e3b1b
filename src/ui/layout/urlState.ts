/**
 * What the address keeps: the list's filter query in `?q=` and the open event in
 * `#/event/<id>`, so a view can be reloaded, bookmarked and shared. Written with
 * `replaceState`: moving around the dashboard does not fill the back button's history.
 */

/** How long a change waits for the next one before it is written to the address. */
export const ADDRESS_WRITE_DELAY_MS = 100;

/** The writes waiting, one per part of the address: the newest replaces the one before. */
const waiting = new Map<'event' | 'query', ReturnType<typeof setTimeout>>();

/**
 * Writes a part of the address a moment later, once. `replaceState` takes Chromium
 * milliseconds (up to ten on a busy machine), which a click or a key press should not wait
 * for, and a run of changes (j j j, a query being typed) needs only its last.
 */
function writeSoon(part: 'event' | 'query', write: () => void): void {
  clearTimeout(waiting.get(part));
  waiting.set(
    part,
    setTimeout(() => {
      waiting.delete(part);
      write();
    }, ADDRESS_WRITE_DELAY_MS),
  );
}

const EVENT_HASH = /^#\/event\/([^/?#]+)$/;

/** The event id in the address (`#/event/<id>`), or `null`. */
export function readEventLink(): string | null {
  const match = EVENT_HASH.exec(window.location.hash);
  return match?.[1] === undefined ? null : decodeURIComponent(match[1]);
}

/** Points the address at an event, or at none (in {@link ADDRESS_WRITE_DELAY_MS}). */
export function writeEventLink(id: string | null): void {
  writeSoon('event', () => {
    const hash = id === null ? '' : `#/event/${encodeURIComponent(id)}`;
    if (window.location.hash === hash) return;
    const url = new URL(window.location.href);
    url.hash = hash;
    window.history.replaceState(window.history.state, '', url);
  });
}

/** The filter query in the address (`?q=`), or `''`. */
export function readQueryParam(): string {
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/**
 * Keeps the filter query in the address (in {@link ADDRESS_WRITE_DELAY_MS}); an empty query
 * leaves no `?q=`.
 */
export function writeQueryParam(query: string): void {
  writeSoon('query', () => {
    const url = new URL(window.location.href);
    if (query.trim() === '') url.searchParams.delete('q');
    else url.searchParams.set('q', query);
    if (url.href === window.location.href) return;
    window.history.replaceState(window.history.state, '', url);
  });
}

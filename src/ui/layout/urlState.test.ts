import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ADDRESS_WRITE_DELAY_MS,
  readEventLink,
  readQueryParam,
  writeEventLink,
  writeQueryParam,
} from './urlState.ts';

/** A window with an address and a history that counts its writes. */
function fakeWindow(href: string) {
  const location = new URL(href);
  const replaceState = vi.fn((_state: unknown, _title: string, url: URL) => {
    location.href = url.href;
  });
  return { location, history: { state: null, replaceState } };
}

describe('the address', () => {
  let win: ReturnType<typeof fakeWindow>;

  beforeEach(() => {
    vi.useFakeTimers();
    win = fakeWindow('http://127.0.0.1:5173/?q=status%3Afailed');
    vi.stubGlobal('window', win);
  });

  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('is written a moment after a change, not in the click or key press that made it', () => {
    writeEventLink('e-1');
    expect(win.history.replaceState).not.toHaveBeenCalled();
    vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS);
    expect(readEventLink()).toBe('e-1');
    expect(readQueryParam()).toBe('status:failed');
  });

  it('takes only the last of a run of changes, each part on its own', () => {
    for (const id of ['e-1', 'e-2', 'e-3']) writeEventLink(id);
    for (const query of ['k', 'ki', 'kind:Simple']) writeQueryParam(query);
    vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS);
    expect(win.history.replaceState).toHaveBeenCalledTimes(2);
    expect(readEventLink()).toBe('e-3');
    expect(readQueryParam()).toBe('kind:Simple');
  });

  it('is left alone when it already says so, and loses the hash when nothing is open', () => {
    writeQueryParam('status:failed');
    vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS);
    expect(win.history.replaceState).not.toHaveBeenCalled();
    writeEventLink('a b/c');
    vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS);
    expect(win.location.hash).toBe('#/event/a%20b%2Fc');
    expect(readEventLink()).toBe('a b/c');
    writeEventLink(null);
    vi.advanceTimersByTime(ADDRESS_WRITE_DELAY_MS);
    expect(readEventLink()).toBeNull();
    expect(win.location.href).toBe('http://127.0.0.1:5173/?q=status%3Afailed');
  });
});

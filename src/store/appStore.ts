import { createEventStore } from './createEventStore';
import type { EventStore } from './types';

let appStore: EventStore | undefined;

/**
 * The dashboard's one store, made on first use: history in `localStorage`, updates once per
 * animation frame, Zustand devtools in development builds. It saves when the page is hidden
 * or closed, so events still running when the page goes away come back as interrupted.
 */
export function getAppStore(): EventStore {
  if (appStore === undefined) {
    const store = createEventStore({ devtools: import.meta.env.DEV ? 'Lifecycle Lab' : false });
    if (typeof window !== 'undefined') {
      // Animation frames stop in hidden tabs, and a hidden tab may be discarded without
      // `pagehide`: save whenever the page stops being visible.
      // Once the page is unloading, the `pagehide` save is the last word: the browser then
      // aborts pending requests, and the failures it causes (an HTTP event's ConnectionError)
      // are the unload's doing, not the events'. Saved as running, they come back interrupted.
      let unloading = false;
      // A page leaving may never run again (closed, or dropped from the back/forward cache):
      // what the database has not taken yet is kept in localStorage too, until it comes back.
      window.addEventListener('pagehide', (event) => {
        store.getState().saveNow({ leaving: true });
        unloading = !event.persisted;
      });
      window.addEventListener('pageshow', (event) => {
        unloading = false;
        if (event.persisted) store.getState().saveNow({ leaving: false });
      });
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'hidden' && !unloading) store.getState().saveNow();
      });
    }
    appStore = store;
  }
  return appStore;
}

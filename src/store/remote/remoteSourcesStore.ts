import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RemoteSource } from '../../lib/bridge/protocol';

/** The dashboard's link to the receiver, and the sources the receiver knows. */
export interface RemoteSourcesState {
  /**
   * `off`: no token, so no link (the page was not opened from the receiver's URL);
   * `connecting`, `live`, or `unavailable` (with `message` saying why; it keeps trying).
   */
  link: 'off' | 'connecting' | 'live' | 'unavailable';
  message: string | null;
  /** By source id, in the order they first appeared. */
  sources: Record<string, RemoteSource>;
  /** Updates ignored because they were repeats (same event, same or older sequence number). */
  duplicates: number;
}

/** The one remote-sources store of the page. */
export const remoteSourcesStore: StoreApi<RemoteSourcesState> = createStore<RemoteSourcesState>()(
  () => ({ link: 'off', message: null, sources: {}, duplicates: 0 }),
);

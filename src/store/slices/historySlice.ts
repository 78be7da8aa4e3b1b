import type { Slice, StoreInternals } from '../storeInternals';
import type { EventStoreState } from '../types';

export type HistorySlice = Pick<
  EventStoreState,
  'storage' | 'hydrated' | 'retention' | 'saveNow' | 'setRetention' | 'whenHydrated'
>;

/** How history is kept: its status, its retention limit, and saving now. */
export const createHistorySlice =
  (internals: StoreInternals): Slice<HistorySlice> =>
  (set, get) => ({
    storage: { mode: 'persistent' },
    hydrated: false,
    retention: null,

    saveNow(options) {
      internals.batcher.flush();
      internals.history?.connection.saveNow(options?.leaving === true);
    },

    async setRetention(limit) {
      await get().whenHydrated();
      const durable = internals.history?.connection.current() ?? null;
      if (durable === null) return { ok: false, error: 'History is kept in memory only.' };
      const result = await durable.setRetention(limit);
      if (result.ok) set({ retention: limit });
      return result;
    },

    whenHydrated() {
      // The link is made just after the store; nothing asks before.
      return internals.history?.hydrated ?? Promise.resolve();
    },
  });

import { stopLiveEvents } from '../liveEvents';
import type { Slice, StoreInternals } from '../storeInternals';
import type { EventStoreState } from '../types';

export type SessionSlice = Pick<
  EventStoreState,
  'selectedId' | 'select' | 'clear' | 'setTimeSource' | 'clockOf'
>;

/** The selection, the time new events run in, and forgetting everything. */
export const createSessionSlice =
  (internals: StoreInternals): Slice<SessionSlice> =>
  (set) => {
    const { live, records, time } = internals;
    return {
      selectedId: null,

      select(id) {
        set({ selectedId: id });
      },

      setTimeSource(source) {
        const { eventInit } = time;
        if (source === null) {
          delete eventInit.scheduler;
          if (time.givenClock === undefined) delete eventInit.clock;
          else eventInit.clock = time.givenClock;
          return;
        }
        eventInit.clock = source.clock;
        eventInit.scheduler = source.scheduler;
      },

      clockOf(id) {
        return live.get(id)?.clock ?? time.clock;
      },

      clear() {
        stopLiveEvents(internals);
        records.clear();
        set({ selectedId: null, retryRuns: {} });
      },
    };
  };

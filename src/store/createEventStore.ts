import { devtools } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import { connectHistory } from './history/connectHistory';
import type { RecordsPort } from './history/recordsPort';
import { stopLiveEvents } from './liveEvents';
import { createEventSlice } from './slices/eventSlice';
import { createHistorySlice } from './slices/historySlice';
import { createLaunchSlice } from './slices/launchSlice';
import { createLogSlice } from './slices/logSlice';
import { createNoticeSlice } from './slices/noticeSlice';
import { createRetryRunSlice } from './slices/retryRunSlice';
import { createSessionSlice } from './slices/sessionSlice';
import { createStoreInternals, type Slice } from './storeInternals';
import type { EventStore, EventStoreOptions, EventStoreState } from './types';

/**
 * Creates the store that launches demo events and mirrors every execution as a plain
 * {@link EventRecord}. Vanilla Zustand: it runs in Node and in tests without React.
 *
 * - Transitions are batched: a notification only marks its event dirty (O(1)); the records of
 *   dirty events are rebuilt together at most once per scheduled frame.
 * - History is written to storage (throttled) and read back just after creation, once its
 *   schemas were fetched (`hydrated`); storage that is full, disabled or corrupted leaves the
 *   store working in memory, with a notice.
 * - Schemas (launch params, retry policies, stored history) are fetched when first needed, so
 *   the first download carries no validation library.
 * - The state is made of slices (`./slices`), each `(set, get, api)` as in Zustand's slices
 *   pattern; what they share outside the state (live events, batcher, records) is the
 *   store's {@link StoreInternals}.
 *
 * ```ts
 * const store = createEventStore({ storage: null });
 * const result = await store.getState().launch('slow', { delay: 1 });
 * store.records.subscribe(() => console.log(store.records.size()));
 * ```
 */
export function createEventStore(options: EventStoreOptions = {}): EventStore {
  const internals = createStoreInternals(options);
  const slices: Slice<EventStoreState> = (...a) => ({
    ...createNoticeSlice()(...a),
    ...createSessionSlice(internals)(...a),
    ...createHistorySlice(internals)(...a),
    ...createLaunchSlice(internals)(...a),
    ...createEventSlice(internals)(...a),
    ...createRetryRunSlice(internals)(...a),
    ...createLogSlice(internals)(...a),
  });

  // `import.meta.env.DEV` is a constant in builds: production bundles leave the middleware out.
  const zustandStore =
    import.meta.env.DEV && options.devtools !== undefined && options.devtools !== false
      ? createStore<EventStoreState>()(
          devtools(slices, {
            name: typeof options.devtools === 'string' ? options.devtools : 'event store',
          }),
        )
      : createStore<EventStoreState>()(slices);
  const store: EventStore = Object.assign(zustandStore, { records: internals.records });

  // Durable history hears the records' changes itself; the actions only reach it to save now.
  const { records } = internals;
  const port: RecordsPort = {
    subscribeChanges: (listener) => records.subscribeChanges(listener),
    applyExternal: (upserted, removed, cleared) => {
      records.applyExternal(upserted, removed, cleared);
    },
    getRecord: (id) => records.getRecord(id),
    size: () => records.size(),
    clearedElsewhere: () => {
      stopLiveEvents(internals);
    },
  };
  const connection = connectHistory(store, port, {
    ...options,
    clock: internals.time.clock,
    notice: (level, message) => {
      store.getState().notify(level, message);
    },
  });
  internals.history = {
    connection,
    hydrated: connection.hydrated.then(() => {
      const durable = connection.current();
      if (durable !== null) store.setState({ retention: durable.retention() });
    }),
  };
  return store;
}

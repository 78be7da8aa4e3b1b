import { devtools } from 'zustand/middleware';
import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Clock } from '../lib';
import { frameScheduler } from './notifyManager';
import type { DemoInit } from './catalogue';
import { createEventActions } from './eventActions';
import { connectHistory, type HistoryConnection } from './history/connectHistory';
import { createLaunchActions } from './launchActions';
import { createLogActions } from './logActions';
import { createRetryRunActions } from './retryRunActions';
import { createRecordsCache } from './records/recordsCache';
import { createStoreContext, type StoreContext } from './storeContext';
import type { EventStore, EventStoreOptions, EventStoreState } from './types';

const wallClock: Clock = { now: () => Date.now() };

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
 *
 * ```ts
 * const store = createEventStore({ storage: null });
 * const result = await store.getState().launch('slow', { delay: 1 });
 * store.records.subscribe(() => console.log(store.records.size()));
 * ```
 */
export function createEventStore(options: EventStoreOptions = {}): EventStore {
  const clock = options.clock ?? wallClock;
  const random = options.random ?? Math.random;
  const eventInit: DemoInit = { random };
  if (options.clock !== undefined) eventInit.clock = options.clock;

  let noticeCount = 0;
  const nextNoticeId = (): string => {
    noticeCount += 1;
    return `notice-${noticeCount}`;
  };
  let notice: StoreContext['notice'] = () => undefined;
  const records = createRecordsCache();
  // Durable history hears the records' changes itself; the actions only reach it to save now.
  let history: HistoryConnection | null = null;

  const initializer: StateCreator<EventStoreState> = (set, get) => {
    const context = createStoreContext({
      get,
      set,
      records,
      clock,
      random,
      eventInit,
      schedule: options.schedule ?? frameScheduler,
      frameBudgetMs: options.frameBudgetMs ?? 8,
      nextNoticeId,
    });
    const { live, retryControllers, batcher } = context;
    notice = context.notice;

    return {
      selectedId: null,
      storage: { mode: 'persistent' },
      hydrated: false,
      retention: null,
      notices: [],
      retryRuns: {},

      ...createLaunchActions(context),
      ...createEventActions(context),
      ...createRetryRunActions(context),
      ...createLogActions(context),

      setTimeSource(source) {
        if (source === null) {
          delete eventInit.scheduler;
          if (options.clock === undefined) delete eventInit.clock;
          else eventInit.clock = options.clock;
          return;
        }
        eventInit.clock = source.clock;
        eventInit.scheduler = source.scheduler;
      },

      clockOf(id) {
        return live.get(id)?.clock ?? clock;
      },

      select(id) {
        set({ selectedId: id });
      },

      clear() {
        for (const controller of retryControllers.values()) controller.abort();
        retryControllers.clear();
        for (const tracked of live.values()) {
          tracked.unsubscribe();
          tracked.event.cancel('History cleared');
        }
        live.clear();
        batcher.clear();
        records.clear();
        set({ selectedId: null, retryRuns: {} });
      },

      notify(level, message) {
        notice(level, message);
      },

      dismissNotice(id) {
        set((state) => ({
          notices: state.notices.filter((entry) => entry.id !== id),
        }));
      },

      saveNow() {
        batcher.flush();
        history?.saveNow();
      },

      async setRetention(limit) {
        await get().whenHydrated();
        const durable = history?.current() ?? null;
        if (durable === null) return { ok: false, error: 'History is kept in memory only.' };
        const result = await durable.setRetention(limit);
        if (result.ok) set({ retention: limit });
        return result;
      },

      whenHydrated() {
        return hydration;
      },
    };
  };

  // `import.meta.env.DEV` is a constant in builds: production bundles leave the middleware out.
  const zustandStore =
    import.meta.env.DEV && options.devtools !== undefined && options.devtools !== false
      ? createStore<EventStoreState>()(
          devtools(initializer, {
            name: typeof options.devtools === 'string' ? options.devtools : 'event store',
          }),
        )
      : createStore<EventStoreState>()(initializer);
  const store: EventStore = Object.assign(zustandStore, { records });

  const connection = connectHistory(store, records, {
    ...options,
    clock,
    notice: (level, message) => {
      notice(level, message);
    },
  });
  history = connection;
  const hydration = connection.hydrated.then(() => {
    const durable = connection.current();
    if (durable !== null) store.setState({ retention: durable.retention() });
  });
  return store;
}

import type { Clock } from '../../lib';
import { lazyModule } from '../lazyModule';
import { launchChecks } from '../lazySchemas';
import { messageOf } from '../messageOf';
import type { EventStore, EventStoreOptions, Notice } from '../types';
import type { DurableHistory, startStoreHistory } from './durableHistory';
import type { RecordChanges, RecordsPort } from './recordsPort';

/** The durable history code: fetched after the first render, as most of it is needed later. */
const durableHistoryModule = lazyModule(() => import('./durableHistory'));

/** A store's link to its durable history. */
export interface HistoryConnection {
  /** Resolves once the saved history was read in and `hydrated` is `true`; never rejects. */
  readonly hydrated: Promise<void>;
  /**
   * Writes the changes queued now (the page calls it when it is hidden or closed); `leaving`
   * also keeps what is not on disk yet in `localStorage`, and `false` drops that copy again.
   */
  saveNow(leaving: boolean): void;
  /** The durable history once its code came, for settings such as the retention limit. */
  current(): DurableHistory | null;
}

/**
 * Connects a store's records to durable history: every change is heard from `port` at once,
 * and held until the history code was fetched, so nothing made before it came is lost.
 * `storage: null` keeps history in memory only.
 */
export function connectHistory(
  store: EventStore,
  port: RecordsPort,
  options: EventStoreOptions & {
    clock: Clock;
    notice: (level: Notice['level'], message: string) => void;
  },
): HistoryConnection {
  const markHydrated = () => {
    store.setState({ hydrated: true });
  };
  if (options.storage === null) {
    store.setState({ storage: { mode: 'memory-only', reason: 'storage is turned off' } });
    markHydrated();
    return { hydrated: Promise.resolve(), saveNow: () => undefined, current: () => null };
  }
  let history: DurableHistory | null = null;
  const waiting: RecordChanges[] = [];
  port.subscribeChanges((changes) => {
    if (history === null) waiting.push(changes);
    else history.accept(changes);
  });

  const connect = async (): Promise<void> => {
    let start: typeof startStoreHistory;
    try {
      // Saved records can be retried fresh, which takes their kind's schema.
      const [module] = await Promise.all([durableHistoryModule.load(), launchChecks.load()]);
      start = module.startStoreHistory;
    } catch (error) {
      const reason = `the code that keeps history could not be loaded (${messageOf(error)})`;
      store.setState({ storage: { mode: 'memory-only', reason } });
      options.notice(
        'warning',
        `History is kept in memory only: ${reason}. Reload the page to try again.`,
      );
      return;
    }
    const started = start({
      ...options,
      port,
      setStatus: (storage) => {
        store.setState({ storage });
      },
      onRetention: (retention) => {
        store.setState({ retention });
      },
    });
    history = started;
    for (const changes of waiting.splice(0)) started.accept(changes);
    await started.hydrated;
  };

  return {
    hydrated: connect().finally(markHydrated),
    saveNow(leaving) {
      if (history === null) return;
      void history.flush();
      if (leaving) history.keepUnsaved();
      else history.forgetUnsaved();
    },
    current: () => history,
  };
}

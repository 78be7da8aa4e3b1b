import { devtools } from 'zustand/middleware';
import { createStore, type StateCreator } from 'zustand/vanilla';
import {
  EventStatus,
  ExistsError,
  explainRetryable,
  NotFoundError,
  runWithRetry,
  ValidationError,
  type Clock,
  type Event,
  type RetryOutcome,
  type RetryResult,
} from '../lib';
import { createBatcher, frameScheduler } from './batcher';
import { findKind, type DemoInit, type DemoKind, type DemoParams } from './catalogue';
import type { EventRecord } from './eventRecord';
import type { parseLionherdLog } from './interop/lionherdFormat';
import { formatLog } from './logFormat';
import { mirrorRecord, originalIdOf, type Tracked } from './mirror';
import type { parseLog } from './parseLog';
import { DEFAULT_STORAGE_KEY, MAX_STORED_RECORDS, serializeHistory } from './historyFormat';
import { isQuotaError } from './isQuotaError';
import { MAX_LAUNCH_COUNT } from './launchLimits';
import { lazyModule } from './lazyModule';
import { messageOf } from './messageOf';
import type { LoadResult } from './persistence';
import type {
  EventStore,
  EventStoreOptions,
  EventStoreState,
  FieldIssue,
  LaunchResult,
  Notice,
  RetryPolicy,
  RetryRunState,
  StorageLike,
  StorageStatus,
} from './types';

export { MAX_LAUNCH_COUNT };

/** Most concurrent `invoke()` calls one `invoke` action makes. */
export const MAX_INVOKE_TIMES = 100;
/** Below this many records, storage that is full is given up on. */
const MIN_STORED_RECORDS = 50;
/** Notices kept; older ones are dropped. */
const MAX_NOTICES = 20;

/**
 * The schemas that check launches, retry policies and stored history are fetched when first
 * needed, not with the page: most of a first visit never needs them before it is interactive.
 */
const launchChecks = lazyModule(() => import('./launchChecks'));
const retryPolicyChecks = lazyModule(() => import('./retryPolicySchema'));
const historyReader = lazyModule(() => import('./persistence'));

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
 * store.subscribe((state) => console.log(state.order.length));
 * ```
 */
export function createEventStore(options: EventStoreOptions = {}): EventStore {
  const clock = options.clock ?? wallClock;
  const schedule = options.schedule ?? frameScheduler;
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;
  const persistDelay = options.persistDelay ?? 1_000;
  const random = options.random ?? Math.random;
  const eventInit: DemoInit = { random };
  if (options.clock !== undefined) eventInit.clock = options.clock;

  /** Live events by id: the objects behind `source: 'live'` records. */
  const live = new Map<string, Tracked>();
  /** Abort controllers of the retry runs in progress, by chain id. */
  const retryControllers = new Map<string, AbortController>();
  let noticeCount = 0;
  const nextNoticeId = (): string => {
    noticeCount += 1;
    return `notice-${noticeCount}`;
  };

  const initializer: StateCreator<EventStoreState> = (set, get) => {
    const notice = (level: Notice['level'], message: string): void => {
      const entry: Notice = { id: nextNoticeId(), level, message };
      set((state) => ({ notices: [...state.notices, entry].slice(-MAX_NOTICES) }));
    };

    const updateRun = (chainId: string, changes: Partial<RetryRunState>): void => {
      set((state) => {
        const run = state.retryRuns[chainId];
        if (run === undefined) return {};
        return { retryRuns: { ...state.retryRuns, [chainId]: { ...run, ...changes } } };
      });
    };

    /**
     * Registers a live event and subscribes to it. Lineage comes from `metadata.original`
     * unless given: the attempt after the one it was made from, in that one's chain.
     */
    const track = (
      event: Event,
      base: { kind: string; label: string; params: DemoParams; invokeCalls: number },
    ): Tracked => {
      const originalId = originalIdOf(event.metadata);
      const original = originalId === null ? undefined : get().records[originalId];
      const attempt =
        original !== undefined
          ? original.attempt + 1
          : originalId !== null
            ? (positiveInteger(event.metadata.attempt) ?? 2)
            : 1;
      const tracked: Tracked = {
        event,
        identity: {
          id: event.id,
          kind: base.kind,
          label: base.label,
          params: base.params,
          createdAt: event.createdAt.toISOString(),
          attempt,
          originalId,
          chainId: original?.chainId ?? originalId ?? event.id,
        },
        invokeCalls: base.invokeCalls,
        progressMessage: null,
        unsubscribe: () => undefined,
      };
      tracked.unsubscribe = event.subscribe((notification) => {
        if (notification.type === 'progress') {
          tracked.progressMessage = notification.message ?? null;
        }
        batcher.mark(event.id);
      });
      live.set(event.id, tracked);
      return tracked;
    };

    /**
     * One store update adding `newIds` (newest last in the list, shown first) and applying
     * every queued change.
     */
    const commit = (newIds: readonly string[]): void => {
      const ids = new Set(batcher.pending);
      batcher.clear();
      for (const id of newIds) ids.add(id);
      applyRecords(ids, newIds);
    };

    const applyRecords = (ids: ReadonlySet<string>, newIds: readonly string[] = []): void => {
      set((state) => {
        const records = { ...state.records };
        for (const id of ids) {
          const tracked = live.get(id);
          if (tracked !== undefined) records[id] = mirrorRecord(tracked);
        }
        if (newIds.length === 0) return { records };
        // Newest first: the last launched leads.
        const order = [...newIds].reverse().concat(state.order);
        return { records, order };
      });
      persister.schedule();
    };

    const batcher = createBatcher(schedule, (ids) => {
      applyRecords(ids);
    });

    /** A new, tracked but not yet invoked, fresh attempt of `record`. */
    const freshAttempt = (record: EventRecord, copyMeta: boolean): Tracked | string => {
      const tracked = live.get(record.id);
      let fresh: Event;
      if (tracked !== undefined) {
        fresh = tracked.event.asFreshEvent({ copyMeta });
      } else {
        const kind = findKind(record.kind);
        if (kind === undefined) {
          return `"${record.label}" cannot be retried here: its kind "${record.kind}" is not in the demo catalogue.`;
        }
        // Records that are not live come from storage or an import, and both load the schemas
        // before they add any record: this only fails if that ever changes.
        const kindSchema = launchChecks.current?.findKindSchema(record.kind);
        if (kindSchema === undefined) {
          return `"${record.label}" cannot be retried yet: the launch checks are still loading. Try again in a moment.`;
        }
        const metadata: Record<string, unknown> = copyMeta ? { ...record.metadata } : {};
        metadata.original = { id: record.id, created_at: record.createdAt };
        try {
          fresh = kindSchema.create(record.params, { ...eventInit, metadata });
        } catch (error) {
          return `"${record.label}" cannot be retried: its parameters are not valid here (${messageOf(error)}).`;
        }
      }
      fresh.metadata.attempt = record.attempt + 1;
      return track(fresh, {
        kind: record.kind,
        label: record.label,
        params: record.params,
        invokeCalls: 0,
      });
    };

    const readOnlyMessage = (record: EventRecord, action: string): string =>
      `"${record.label}" ${record.id.slice(0, 8)} is ${record.source === 'imported' ? 'imported' : 'restored from an earlier session'} and read-only: it cannot be ${action}. Retry it fresh instead.`;

    return {
      records: {},
      order: [],
      selectedId: null,
      storage: { mode: 'persistent' },
      hydrated: false,
      notices: [],
      retryRuns: {},

      async launch(kindName, params, count = 1): Promise<LaunchResult> {
        const kind = findKind(kindName);
        if (kind === undefined) {
          return {
            ok: false,
            issues: [{ field: 'kind', message: `unknown kind "${kindName}"` }],
          };
        }
        let checks: Awaited<ReturnType<typeof launchChecks.load>>;
        try {
          checks = await launchChecks.load();
        } catch (error) {
          return {
            ok: false,
            issues: [
              {
                field: 'form',
                message: `The launch checks could not be loaded (${messageOf(error)}). Check the connection and try again.`,
              },
            ],
          };
        }
        const checked = checks.checkLaunch(kind.kind, params, count);
        if (!checked.ok) return checked;

        const events: Event[] = [];
        try {
          for (let index = 0; index < checked.count; index++) {
            events.push(checked.create(eventInit));
          }
        } catch (error) {
          return { ok: false, issues: [issueFromError(error)] };
        }
        return { ok: true, ids: startAll(kind, checked.params, events) };
      },

      async invoke(id, times = 1) {
        const record = get().records[id];
        const tracked = live.get(id);
        if (record === undefined) return;
        if (tracked === undefined) {
          notice('info', readOnlyMessage(record, 'invoked again'));
          return;
        }
        const calls = Number.isInteger(times) ? Math.min(MAX_INVOKE_TIMES, Math.max(1, times)) : 1;
        tracked.invokeCalls += calls;
        batcher.mark(id);
        const { event } = tracked;
        await Promise.all(Array.from({ length: calls }, () => event.invoke()));
      },

      cancel(id, reason) {
        const record = get().records[id];
        if (record === undefined) return false;
        const tracked = live.get(id);
        if (tracked === undefined) {
          notice('info', readOnlyMessage(record, 'cancelled'));
          return false;
        }
        const cancelled = tracked.event.cancel(reason);
        if (!cancelled) {
          notice(
            'info',
            `"${record.label}" has already ended (${tracked.event.status}); there is nothing to cancel.`,
          );
          return false;
        }
        // Cancelling the attempt a retry run is waiting on stops the run too.
        const run = get().retryRuns[record.chainId];
        if (run?.status === 'running' && run.currentId === id) {
          retryControllers.get(record.chainId)?.abort();
        }
        return true;
      },

      skip(id, reason) {
        const tracked = live.get(id);
        if (tracked === undefined) return false;
        return tracked.event.skip(reason);
      },

      retryFresh(id, retryOptions = {}) {
        const record = get().records[id];
        if (record === undefined) return null;
        const fresh = freshAttempt(record, retryOptions.copyMeta === true);
        if (typeof fresh === 'string') {
          notice('warning', fresh);
          return null;
        }
        fresh.invokeCalls = 1;
        void fresh.event.invoke();
        commit([fresh.event.id]);
        return fresh.event.id;
      },

      async runRetryPolicy(id, policy: RetryPolicy): Promise<RetryOutcome> {
        // Both are shared fetches, so runs asked for together are checked in the order asked.
        const { checkRetryPolicy } = await retryPolicyChecks.load();
        await launchChecks.load();
        const checked = checkRetryPolicy(policy);
        if (!checked.ok) {
          throw new ValidationError(`Invalid retry policy: ${checked.problems}`);
        }
        const record = get().records[id];
        if (record === undefined) throw new NotFoundError(`No event with id ${id}`);
        const { chainId } = record;
        const running = get().retryRuns[chainId];
        if (running !== undefined && running.status !== 'done') {
          throw new ExistsError('A retry run is already going on for this chain of attempts');
        }

        // A live event that has not ended is the first attempt; otherwise a fresh one is.
        let first = live.get(id);
        if (first === undefined || first.event.isTerminal) {
          const fresh = freshAttempt(record, true);
          if (typeof fresh === 'string') throw new ValidationError(fresh);
          first = fresh;
          commit([fresh.event.id]);
        }
        const { maxAttempts, baseDelay, factor, jitter } = checked.policy;
        const controller = new AbortController();
        retryControllers.set(chainId, controller);
        set((state) => ({
          retryRuns: {
            ...state.retryRuns,
            [chainId]: {
              chainId,
              attempt: 1,
              maxAttempts,
              status: 'running',
              nextRetryAt: null,
              outcome: null,
              reason: null,
              currentId: first.event.id,
            },
          },
        }));

        let result: RetryResult<Event>;
        try {
          result = await runWithRetry(first.event, {
            maxAttempts,
            baseDelay,
            factor,
            jitter,
            random,
            copyMeta: true,
            signal: controller.signal,
            onAttempt: ({ event, attempt }) => {
              let tracked = live.get(event.id);
              if (tracked === undefined) {
                // A fresh copy made by the runner: it joins the chain as it starts.
                tracked = track(event, {
                  kind: record.kind,
                  label: record.label,
                  params: record.params,
                  invokeCalls: 1,
                });
                event.metadata.attempt = tracked.identity.attempt;
                commit([event.id]);
              } else {
                event.metadata.attempt = tracked.identity.attempt;
                if (!event.isTerminal) tracked.invokeCalls += 1;
                batcher.mark(event.id);
              }
              updateRun(chainId, {
                attempt,
                status: 'running',
                nextRetryAt: null,
                currentId: event.id,
              });
            },
            onFailedAttempt: ({ nextDelay }) => {
              if (nextDelay === undefined) return;
              updateRun(chainId, {
                status: 'waiting',
                nextRetryAt: clock.now() + nextDelay * 1000,
              });
            },
          });
        } catch (error) {
          updateRun(chainId, {
            status: 'done',
            nextRetryAt: null,
            outcome: 'aborted',
            reason: `stopped: ${messageOf(error)}`,
          });
          throw error;
        } finally {
          retryControllers.delete(chainId);
        }
        updateRun(chainId, {
          status: 'done',
          nextRetryAt: null,
          outcome: result.outcome,
          reason: describeOutcome(result, maxAttempts),
          attempt: result.attempts.length,
          currentId: result.last.id,
        });
        return result.outcome;
      },

      stopRetryRun(chainId) {
        const controller = retryControllers.get(chainId);
        if (controller === undefined) return false;
        controller.abort();
        return true;
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
        set({ records: {}, order: [], selectedId: null, retryRuns: {} });
        persister.clear();
      },

      dismissNotice(id) {
        set((state) => ({ notices: state.notices.filter((entry) => entry.id !== id) }));
      },

      exportLog() {
        batcher.flush();
        const { records, order } = get();
        const list: EventRecord[] = [];
        for (const id of order) {
          const record = records[id];
          if (record !== undefined) list.push(record);
        }
        return formatLog(list, new Date(clock.now()));
      },

      async importLog(text, fileName) {
        let readers: LogReaders;
        try {
          // Imported records can be retried fresh, which takes their kind's schema.
          [readers] = await Promise.all([loadLogReaders(), launchChecks.load()]);
        } catch (error) {
          return {
            ok: false,
            error: `The log reader could not be loaded (${messageOf(error)}). Check the connection and try again.`,
          };
        }
        const parsed = readers.parseLog(text, readers.parseLionherdLog, fileName);
        if (!parsed.ok) return { ok: false, error: parsed.error };
        const { records } = get();
        const added: EventRecord[] = [];
        const seen = new Set<string>();
        let skipped = 0;
        for (const record of parsed.records) {
          if (record.id in records || seen.has(record.id)) {
            skipped += 1;
            continue;
          }
          seen.add(record.id);
          added.push(asImported(record, parsed.format, fileName));
        }
        if (parsed.format === 'lionherd') {
          // lionherd logs run oldest first; the dashboard lists newest first.
          added.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
        }
        if (added.length > 0) {
          set((state) => {
            const next = { ...state.records };
            for (const record of added) next[record.id] = record;
            return { records: next, order: [...added.map((record) => record.id), ...state.order] };
          });
          persister.schedule();
        }
        return { ok: true, added: added.length, skipped, format: parsed.format };
      },

      saveNow() {
        batcher.flush();
        persister.saveNow();
      },

      whenHydrated() {
        return hydration;
      },
    };

    /** Tracks the new events, invokes each once and adds them in one update. */
    function startAll(kind: DemoKind, params: DemoParams, events: Event[]): string[] {
      const ids = events.map((event) => {
        track(event, { kind: kind.kind, label: kind.label, params, invokeCalls: 1 });
        return event.id;
      });
      for (const event of events) void event.invoke();
      commit(ids);
      return ids;
    }
  };

  // `import.meta.env.DEV` is a constant in builds: production bundles leave the middleware out.
  const store: EventStore =
    import.meta.env.DEV && options.devtools !== undefined && options.devtools !== false
      ? createStore<EventStoreState>()(
          devtools(initializer, {
            name: typeof options.devtools === 'string' ? options.devtools : 'event store',
          }),
        )
      : createStore<EventStoreState>()(initializer);

  const persister = createPersister(store, {
    storage: options.storage,
    storageKey,
    persistDelay,
    clock,
    nextNoticeId,
  });
  const hydration = persister.hydrate();
  return store;
}

interface Persister {
  /**
   * Reads the saved history in, after the schemas that check it were fetched, and merges it
   * under the records made in the meantime. Resolves once `hydrated` is `true`; never rejects.
   */
  hydrate(): Promise<void>;
  schedule(): void;
  saveNow(): void;
  /** Writes the empty history, or, before hydration, makes it forget the saved one. */
  clear(): void;
}

/**
 * Storage work of one store: history read in after creation, throttled writes after changes.
 * Nothing is written before the saved history was read, so it cannot be overwritten.
 */
function createPersister(
  store: EventStore,
  config: {
    storage: StorageLike | null | undefined;
    storageKey: string;
    persistDelay: number;
    clock: Clock;
    nextNoticeId: () => string;
  },
): Persister {
  const { storageKey, persistDelay, clock } = config;
  /** Where history is written; `null` until hydration and when memory-only. */
  let storage: StorageLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let hydrated = false;
  /** Something asked for a write before hydration: write once hydrated. */
  let saveAfterHydration = false;
  /** `clear()` came before hydration: the saved history is not merged in. */
  let discardStored = false;

  const addNotice = (level: Notice['level'], message: string): void => {
    store.setState((state) => ({
      notices: [...state.notices, { id: config.nextNoticeId(), level, message }].slice(
        -MAX_NOTICES,
      ),
    }));
  };

  const goMemoryOnly = (reason: string, message: string | null): void => {
    storage = null;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const status: StorageStatus = { mode: 'memory-only', reason };
    store.setState({ storage: status });
    if (message !== null) addNotice('warning', message);
  };

  /** Most records to write; lowered when storage turns out to hold fewer. */
  let storedLimit = MAX_STORED_RECORDS;

  const saveNow = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (!hydrated) saveAfterHydration = true;
    if (storage === null) return;
    const { records, order } = store.getState();
    const list: EventRecord[] = [];
    for (const id of order) {
      if (list.length >= storedLimit) break;
      const record = records[id];
      if (record !== undefined) list.push(record);
    }
    // When storage is full, keep the newest half, and again, before giving up on it.
    for (let limit = list.length; ; limit = Math.floor(limit / 2)) {
      try {
        storage.setItem(storageKey, serializeHistory(list.slice(0, limit), clock.now()));
        if (limit < list.length) {
          storedLimit = limit;
          addNotice(
            'warning',
            `Browser storage is nearly full: only the newest ${limit} records are saved from now on. Export the log to keep them all.`,
          );
        }
        return;
      } catch (error) {
        if (isQuotaError(error) && limit > MIN_STORED_RECORDS) continue;
        if (isQuotaError(error)) {
          goMemoryOnly(
            'storage is full',
            'History is now kept in memory only: the browser storage is full. Export the log to keep it, or clear the history.',
          );
        } else {
          goMemoryOnly(
            `storage cannot be written (${messageOf(error)})`,
            `History is now kept in memory only: the browser refused to save it (${messageOf(error)}). Export the log to keep it.`,
          );
        }
        return;
      }
    }
  };

  /** Adds stored records after the ones made before hydration, which are newer. */
  const merge = (loaded: readonly EventRecord[]): void => {
    if (discardStored) return;
    store.setState((state) => {
      const records = { ...state.records };
      const order = [...state.order];
      for (const record of loaded) {
        if (record.id in records) continue;
        records[record.id] = record;
        order.push(record.id);
      }
      return { records, order };
    });
  };

  const read = async (candidate: StorageLike): Promise<void> => {
    let loaded: LoadResult;
    try {
      // Restored records can be retried fresh, which takes their kind's schema.
      const [{ loadHistory }] = await Promise.all([historyReader.load(), launchChecks.load()]);
      loaded = loadHistory(candidate, storageKey);
    } catch (error) {
      goMemoryOnly(
        `the saved history could not be read (${messageOf(error)})`,
        `History is kept in memory only: the code that reads the saved history could not be loaded (${messageOf(error)}). Reload the page to try again.`,
      );
      return;
    }
    storage = candidate;
    switch (loaded.kind) {
      case 'empty':
        return;
      case 'unavailable':
        goMemoryOnly(
          loaded.reason,
          `History is kept in memory only and will be lost on reload: ${loaded.reason}.`,
        );
        return;
      case 'corrupted': {
        const aside = `${storageKey}:corrupted:${clock.now()}`;
        try {
          storage.setItem(aside, loaded.raw);
          storage.removeItem(storageKey);
        } catch (error) {
          goMemoryOnly(
            `saved history is unreadable and could not be set aside (${messageOf(error)})`,
            `Saved history could not be read (${loaded.reason}) and could not be set aside, so it is left untouched and history is kept in memory only.`,
          );
          return;
        }
        addNotice(
          'warning',
          `Saved history could not be read (${loaded.reason}). It was set aside under "${aside}" and the dashboard started with an empty history.`,
        );
        return;
      }
      case 'partial':
      case 'loaded': {
        merge(loaded.records);
        if (loaded.kind === 'partial') {
          const aside = `${storageKey}:corrupted:${clock.now()}`;
          try {
            storage.setItem(aside, loaded.raw);
          } catch (error) {
            goMemoryOnly(
              `saved history is partly unreadable and could not be set aside (${messageOf(error)})`,
              `Part of the saved history could not be read (${loaded.reason}) and could not be set aside, so it is left untouched and history is kept in memory only.`,
            );
            return;
          }
          addNotice(
            'warning',
            `Part of the saved history could not be read: ${loaded.reason}. A copy of the saved data is kept under "${aside}".`,
          );
        }
        return;
      }
    }
  };

  const schedule = (): void => {
    if (!hydrated) saveAfterHydration = true;
    if (storage === null || timer !== undefined) return;
    timer = setTimeout(saveNow, persistDelay);
  };

  const finishHydration = (): void => {
    hydrated = true;
    store.setState({ hydrated: true });
    if (discardStored) saveNow();
    else if (saveAfterHydration) schedule();
  };

  return {
    hydrate() {
      const resolved = resolveStorage(config.storage);
      if (resolved.storage === null) {
        goMemoryOnly(resolved.reason, resolved.notice);
        finishHydration();
        return Promise.resolve();
      }
      return read(resolved.storage).then(finishHydration);
    },
    schedule,
    saveNow,
    clear() {
      if (!hydrated) discardStored = true;
      saveNow();
    },
  };
}

/** Where history goes: the given storage, `localStorage` when usable, or nowhere and why. */
function resolveStorage(
  given: StorageLike | null | undefined,
): { storage: StorageLike } | { storage: null; reason: string; notice: string | null } {
  if (given === null) return { storage: null, reason: 'storage is turned off', notice: null };
  if (given !== undefined) return { storage: given };
  try {
    const local = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (local === undefined) {
      return { storage: null, reason: 'this environment has no localStorage', notice: null };
    }
    return { storage: local };
  } catch (error) {
    const reason = `the browser blocks storage (${messageOf(error)})`;
    return {
      storage: null,
      reason,
      notice: `History is kept in memory only and will be lost on reload: ${reason}.`,
    };
  }
}

/** A constructor's `ValidationError` as a launch issue, on the field it names. */
function issueFromError(error: unknown): FieldIssue {
  const details = (error as { details?: { field?: unknown } } | null)?.details;
  const field = typeof details?.field === 'string' ? details.field : 'params';
  return { field, message: messageOf(error) };
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

/** Why a retry run ended, in words. */
export function describeOutcome(result: RetryResult<Event>, maxAttempts: number): string {
  const { last, outcome, attempts } = result;
  const tried = `${attempts.length} of ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}`;
  switch (outcome) {
    case 'completed':
      return `completed on attempt ${attempts.length} of ${maxAttempts}`;
    case 'aborted':
      return `stopped: the retry run was stopped after ${tried}`;
    case 'exhausted': {
      const verdict = explainRetryable(last.execution.error);
      return `stopped: gave up after ${tried} (the last ended ${last.status}; ${verdict.reason})`;
    }
    case 'not-retryable': {
      const { status } = last;
      if (status === EventStatus.FAILED || status === EventStatus.CANCELLED) {
        const verdict = explainRetryable(last.execution.error);
        if (!verdict.retryable) return `stopped: ${verdict.reason}`;
      }
      return `stopped: attempt ${attempts.length} ended ${status}, which is not retryable`;
    }
  }
}

/** The log parsers. This module imports them as types only: `loadLogReaders` fetches them. */
interface LogReaders {
  parseLog: typeof parseLog;
  parseLionherdLog: typeof parseLionherdLog;
}

/**
 * The parsers of imported logs and their schemas. Most visits never import a log, so they
 * are fetched on the first import rather than with the page.
 */
async function loadLogReaders(): Promise<LogReaders> {
  const [logFormat, lionherdFormat] = await Promise.all([
    import('./parseLog'),
    import('./interop/lionherdFormat'),
  ]);
  return { parseLog: logFormat.parseLog, parseLionherdLog: lionherdFormat.parseLionherdLog };
}

/** An imported record: read-only, marked with where it came from. */
function asImported(
  record: EventRecord,
  format: 'lifecycle-lab' | 'lionherd',
  fileName: string | undefined,
): EventRecord {
  const importedFrom: NonNullable<EventRecord['importedFrom']> = record.importedFrom ?? { format };
  if (fileName !== undefined && importedFrom.fileName === undefined) {
    return { ...record, source: 'imported', importedFrom: { ...importedFrom, fileName } };
  }
  return { ...record, source: 'imported', importedFrom };
}

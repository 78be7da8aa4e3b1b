import type { StoreApi } from 'zustand/vanilla';
import type { Clock, RetryOutcome, Scheduler } from '../lib';
import type { EventRecord } from './eventRecord';
import type { RecordsCache } from './records/recordsCache';
import type { MergedSnapshots, RecordProblem } from './formats/lionherd';
import type { ImportProgress } from './formats/readLogInBackground';
import type { HistoryHooks } from './history/durableHistory';

/** The part of the Web Storage API the store uses; `localStorage` fits it. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  /** How many keys there are, and the `index`-th: what `Storage` has, for finding keys. */
  readonly length?: number;
  key?(index: number): string | null;
}

/** Options of {@link createEventStore}; every one has a default that suits the browser. */
export interface EventStoreOptions {
  /**
   * Where earlier versions kept history: it is read once, moved into the history database and
   * then removed. Default: `localStorage` when the environment has a usable one. `null` keeps
   * history in memory only (nothing is read or written anywhere).
   */
  storage?: StorageLike | null;
  /**
   * The IndexedDB that keeps history (default: the browser's `indexedDB`). `null` behaves as a
   * browser without one: history is kept in memory only, with a notice.
   */
  indexedDB?: IDBFactory | null;
  /** Name of the history database, and of the channel between pages (default `lifecycle-lab-history`). */
  historyName?: string;
  /** Stand-ins for the browser's pieces durable history uses (tests). */
  historyHooks?: HistoryHooks;
  /**
   * Runs `flush` once, soon; the store batches every change made before it runs into one
   * update. Default: a task of its own, at most one a frame, outside the frame's layout and
   * paint (`taskOncePerFrame`), or `setTimeout(flush, 16)` where there are no frames.
   * Tests pass a manual scheduler and call the flush themselves.
   */
  schedule?: (flush: () => void) => void;
  /**
   * Milliseconds a scheduled flush may spend mirroring events before it leaves the rest to
   * the next one (default 8, so a frame keeps room for rendering). `Infinity` applies every
   * queued change in one flush (tests that count updates).
   */
  frameBudgetMs?: number;
  /** Wall-clock time for notices, countdowns and exports; also handed to the events it creates. */
  clock?: Clock;
  /** Storage key of the history earlier versions kept in `storage` (default `lifecycle-lab:history`). */
  storageKey?: string;
  /** Milliseconds between a change and its write to the history database (default 16). */
  persistDelay?: number;
  /** Randomness for the flaky demo and for retry jitter, `[0, 1)` (default `Math.random`). */
  random?: () => number;
  /**
   * Connect Zustand's devtools middleware, under this name when a string (default off).
   * Development builds only: production builds leave the middleware out and ignore this.
   */
  devtools?: boolean | string;
}

/** A clock and the scheduler that agrees with it. */
export interface TimeSource {
  clock: Clock;
  scheduler: Scheduler;
}

/** Whether history survives a reload. */
export type StorageStatus = { mode: 'persistent' } | { mode: 'memory-only'; reason: string };

/** A message for the person, shown until dismissed. */
export interface Notice {
  id: string;
  level: 'info' | 'warning' | 'error';
  message: string;
}

/** A retry policy as a person sets it in the inspector. Times are in seconds. */
export interface RetryPolicy {
  /** Attempts in all, the first included (1..100). */
  maxAttempts: number;
  /** Wait before the second attempt (≥ 0). */
  baseDelay: number;
  /** Each wait is this many times the one before (≥ 1). */
  factor: number;
  /** Share of each wait that is random, 0..1. */
  jitter: number;
}

/** The live state of a retry run, keyed by the chain it grows. */
export interface RetryRunState {
  chainId: string;
  /** 1-based number of the attempt running or last run, within this run. */
  attempt: number;
  maxAttempts: number;
  /** `running`: an attempt is in flight; `waiting`: backing off until `nextRetryAt`. */
  status: 'running' | 'waiting' | 'done';
  /** Epoch ms of the next attempt while `waiting`, for a countdown; otherwise `null`. */
  nextRetryAt: number | null;
  /** How the run ended, once `done`. */
  outcome: RetryOutcome | null;
  /** Why it ended, in words, once `done`: `stopped: not retryable: ValidationError 'bad input' …`. */
  reason: string | null;
  /** Id of the attempt running or last run. */
  currentId: string;
}

/** One problem with launch parameters, for an inline message next to the field. */
export interface FieldIssue {
  /** The parameter's name (`timeout`, `delay`, …), `count`, or `kind`. */
  field: string;
  message: string;
}

/**
 * What every store action that can fail returns: `ok: true` with what it made, or `ok: false`
 * with `error`, why in words for the person. Actions never throw for a failure and never
 * post a notice for one they return: the caller shows `error` where it fits.
 */
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;

/** The failure of an action: why, in words (see {@link ActionResult}). */
export interface ActionFailure {
  ok: false;
  error: string;
}

/** `error` sums up `issues`, one per field, for a message next to each. */
export type LaunchResult = { ok: true; ids: string[] } | (ActionFailure & { issues: FieldIssue[] });

/** Formats `importLog` reads. */
export type LogFormat = 'lifecycle-lab' | 'lionherd';

export type ImportResult =
  | {
      ok: true;
      /** Records added to the history. */
      added: number;
      /** Records left out because a record with the same id is already there. */
      skipped: number;
      format: LogFormat;
      /** Events a lionherd log wrote more than once, each merged into one event. */
      merged: MergedSnapshots;
      /** Records left out because they do not fit (only with `importValid`). */
      leftOut: RecordProblem[];
    }
  | {
      ok: false;
      error: string;
      /** The import was cancelled: nothing of it was kept. */
      cancelled?: true;
      /**
       * Some records of a log do not fit and nothing was imported; these are the
       * problems, and `importable` events would come of the others with `importValid`.
       */
      partial?: { problems: RecordProblem[]; importable: number };
    };

/** How `importLog` reads a file. */
export interface ImportOptions {
  /** Import the records that fit and leave out the ones that do not (default: none). */
  importValid?: boolean;
  /** Cancels the import; nothing is added once it was cancelled. */
  signal?: AbortSignal;
  /**
   * Hears how the import goes: reading, records checked of the total, records copied in,
   * records listed.
   */
  onProgress?: (progress: ImportProgress) => void;
  /** Read on the page's thread, in slices, rather than in a worker (tests). */
  inPage?: boolean;
}

/** What `exportLog` writes and `importLog` reads back. */
export interface LifecycleLabLog {
  format: 'lifecycle-lab';
  version: 1;
  /** ISO 8601. */
  exportedAt: string;
  /** Newest first, as the dashboard lists them. */
  records: EventRecord[];
}

export interface EventStoreActions {
  /**
   * Validates `params` with the kind's schema and launches `count` events of that kind
   * (1..10000), each invoked once. Nothing is launched when anything is invalid.
   * Asynchronous because the schemas are fetched on the first launch; it never rejects.
   *
   * ```ts
   * const result = await store.getState().launch('slow', { delay: 2, timeout: 1 });
   * if (!result.ok) result.issues; // [{ field: 'timeout', message: '…' }]
   * ```
   */
  launch: (kind: string, params: unknown, count?: number) => Promise<LaunchResult>;
  /**
   * Calls `event.invoke()` `times` times at once. The calls share the one run, so `runs`
   * stays 1 while `invokeCalls` grows. Fails for a read-only record (restored, imported).
   */
  invoke: (id: string, times?: number) => Promise<ActionResult>;
  /** Cancels a pending or processing live event; fails when it cannot, saying why. */
  cancel: (id: string, reason?: string) => ActionResult;
  /** Skips a pending live event; fails when it is not one. */
  skip: (id: string, reason?: string) => ActionResult;
  /**
   * Makes a fresh attempt of the record (`asFreshEvent`, or the catalogue for a restored
   * record), links it into the record's chain and invokes it. `id` is the new attempt's.
   */
  retryFresh: (id: string, options?: { copyMeta?: boolean }) => ActionResult<{ id: string }>;
  /**
   * Runs the record's event under a retry policy; each attempt appears in the chain as it
   * starts and `retryRuns[chainId]` follows the run live. Resolves to how the run ended; fails
   * for an invalid policy, a record that cannot be retried, or a chain already running.
   * It never rejects.
   */
  runRetryPolicy: (
    id: string,
    policy: RetryPolicy,
  ) => Promise<ActionResult<{ outcome: RetryOutcome }>>;
  /** Stops the retry run of a chain: the attempt in flight is cancelled, no other starts. */
  stopRetryRun: (chainId: string) => ActionResult;
  /**
   * The time the events launched from now on run in (their timestamps, timeouts, sleeps and
   * retry backoff): a lesson clock, or `null` for real time. Events already running keep theirs.
   *
   * ```ts
   * const lesson = createLessonClock({ paused: true });
   * store.getState().setTimeSource(lesson); // a LessonClock is both clock and scheduler
   * ```
   */
  setTimeSource: (source: TimeSource | null) => void;
  /**
   * The clock a record's times are in: the lesson clock its live event runs on, or the wall
   * clock. Read "now" from it for a live duration, so an event keeps its own time whatever
   * clock newer events get.
   *
   * ```ts
   * liveDuration(record, store.getState().clockOf(record.id).now());
   * ```
   */
  clockOf: (id: string) => Clock;
  select: (id: string | null) => void;
  /** Forgets every record (live events still running are cancelled) and clears storage. */
  clear: () => void;
  dismissNotice: (id: string) => void;
  /** Shows a notice (text, never HTML) until dismissed. */
  notify: (level: Notice['level'], message: string) => void;
  /** The whole history as a {@link LifecycleLabLog} JSON string. */
  exportLog: () => string;
  /**
   * Reads a Lifecycle Lab export or a lionherd-core log (`Event.to_dict(mode="json")`
   * records as a JSON array or JSON Lines; the snapshots of one event merged into one) and
   * adds its records as read-only `imported` records. On any problem nothing changes and
   * `error` says what is wrong and where; with `importValid`, the records of a lionherd log
   * that fit are imported and the others reported in `leftOut`. The file is read and checked
   * in a worker (or on the page in slices), and merged only once the saved history is in.
   * It never rejects; a cancelled import adds nothing.
   */
  importLog: (
    text: string | Blob,
    fileName?: string,
    options?: ImportOptions,
  ) => Promise<ImportResult>;
  /**
   * Applies pending changes and writes history to storage now: the app calls it when the page
   * is hidden, and with `leaving` on `pagehide`, when what the database has not taken yet is
   * also kept in `localStorage`, which a closing page can still write (the next page to load
   * moves it into the database). Called with `leaving: false` when the page comes back.
   */
  saveNow: (options?: { leaving?: boolean }) => void;
  /**
   * Sets how many records history keeps (100..1,000,000; default 100,000); the oldest beyond
   * it are pruned, with a notice that says how many. Saved with the history.
   */
  setRetention: (limit: number) => Promise<ActionResult>;
  /**
   * Resolves once the saved history was read in (`hydrated` is `true`); never rejects.
   *
   * ```ts
   * const store = createEventStore();
   * await store.getState().whenHydrated();
   * store.records.order.toArray(); // the saved history, newest first
   * ```
   */
  whenHydrated: () => Promise<void>;
}

export interface EventStoreState extends EventStoreActions {
  selectedId: string | null;
  storage: StorageStatus;
  /**
   * `false` until the saved history was read in. It is read after the store is created, with
   * schemas fetched then; records launched before are kept, and listed before the saved ones.
   */
  hydrated: boolean;
  notices: Notice[];
  /** Most records history keeps, once it was read in; `null` before, or when memory-only. */
  retention: number | null;
  /** Retry runs by chain id; a finished run stays until its chain is retried again. */
  retryRuns: Record<string, RetryRunState>;
}

/**
 * The store: Zustand state for the small UI state (selection, notices, storage status, retry
 * runs) and `records`, the records cache, which each view subscribes to for what it shows.
 * `records` is also the `RecordsPort` durable history is written against.
 */
export type EventStore = StoreApi<EventStoreState> & { readonly records: RecordsCache };

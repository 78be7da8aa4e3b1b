import {
  BRIDGE_BASE_PATH,
  type RemoteEventUpdate,
  type RemoteSource,
} from '../../lib/bridge/protocol';
import { isTerminalStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';
import type { EventStore } from '../types';
import { mergeRecords, recordOf } from './recordsSink';
import { remoteRecord, standingOf } from './remoteRecord';
import { remoteSourcesStore } from './remoteSourcesStore';

/** The part of `EventSource` the dashboard uses; tests pass a fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
  onerror: ((event: unknown) => void) | null;
  onopen: ((event: unknown) => void) | null;
}

export interface ReceiverLinkOptions {
  store: EventStore;
  token: string;
  /** Where the receiver is (default: this page's origin). */
  origin?: string;
  openStream?: (url: string) => EventSourceLike;
  /** Runs `flush` once, soon (default: the next animation frame). */
  schedule?: (flush: () => void) => void;
  /**
   * Least milliseconds between two store updates (default 0: every frame that has updates).
   * A store update costs what it changed and the views render at most once a frame, so
   * waiting longer only adds latency; a larger value gathers updates into fewer commits.
   */
  minInterval?: number;
  /** Milliseconds, for `minInterval` (default `performance.now`). */
  now?: () => number;
  /** Most updates turned into records per flush (default 20,000). */
  maxPerFlush?: number;
  /**
   * Milliseconds a flush may spend turning updates into records before it applies what it has
   * and leaves the rest to the next frame (default 8), so a backlog is caught up in slices
   * that never block a frame for long, however many updates wait.
   */
  flushBudget?: number;
  /**
   * Milliseconds a whole flush should take: turning updates into records, the store update
   * and the rows it re-renders (default 20; the list and the counters render in a task of
   * their own). What the last large flush cost per update sets how many updates the next one
   * takes, so a backlog of cheap records to build but costly rows to render is caught up in
   * frames that stay short.
   */
  frameBudget?: number;
}

/** Fewest updates a flush takes, whatever the last ones cost: a backlog always moves. */
const FEWEST_PER_FLUSH = 64;

/**
 * Streams the receiver's sources and event updates into the dashboard: one store update per
 * frame, repeats ignored by event id and sequence number, and the running events of a source
 * that went away marked "source disconnected" until it is back. Returns the function that
 * closes the link. `EventSource` reconnects by itself, and the receiver replays what it kept.
 */
export function connectReceiver(options: ReceiverLinkOptions): () => void {
  const { store, token } = options;
  const origin = options.origin ?? location.origin;
  const schedule = options.schedule ?? ((flush) => requestAnimationFrame(flush));
  const maxPerFlush = options.maxPerFlush ?? 20_000;
  const flushBudget = options.flushBudget ?? 8;
  const frameBudget = options.frameBudget ?? 20;
  /** What one update cost, all told, in the last flush that took many (ms); 0 until then. */
  let costPerUpdate = 0;
  const minInterval = options.minInterval ?? 0;
  const now = options.now ?? (() => performance.now());
  let lastFlush = Number.NEGATIVE_INFINITY;
  const open = options.openStream ?? ((url) => new EventSource(url) as unknown as EventSourceLike);
  /** The run and sequence number of the update each event's record shows. */
  const seen = new Map<string, { run: number; seq: number }>();
  /**
   * Each source's events still running, by id: the ones to re-mark when it comes and goes. An
   * ended event's standing never changes, and a source that ends 25,000 events and goes
   * away must not be walked through all of them in one frame.
   */
  const runningBySource = new Map<string, Set<string>>();
  /**
   * Stream messages not parsed yet. EventSource hands the page every message that arrived
   * together in one task; parsed there, a few of them made a task of 30–45 ms. They are
   * parsed in the flush instead, a message at a time, as many as the flush takes.
   */
  let unparsed: string[] = [];
  let queue: RemoteEventUpdate[] = [];
  /** Where the next flush starts reading `queue` (a backlog is never shifted element-wise). */
  let head = 0;
  /** The receiver's latest list of sources, not applied yet (it sends one per batch it takes). */
  let pendingSources: RemoteSource[] | undefined;
  let scheduled = false;

  if (import.meta.env.VITE_BRIDGE_BENCH === 'true') exposeToBenchmark(store);
  remoteSourcesStore.setState({ link: 'connecting', message: null });
  const stream = open(`${origin}${BRIDGE_BASE_PATH}/stream?token=${encodeURIComponent(token)}`);
  stream.onopen = () => {
    remoteSourcesStore.setState({ link: 'live', message: null });
  };
  stream.onerror = () => {
    remoteSourcesStore.setState({
      link: 'unavailable',
      message: 'The receiver cannot be reached (or refused the token); trying again.',
    });
  };
  stream.addEventListener('sources', (event) => {
    const list = parseData(event.data) as RemoteSource[] | undefined;
    if (!Array.isArray(list)) return;
    // Only the latest list matters: the panel and the records take it once, at the next flush.
    pendingSources = list;
    request();
  });
  stream.addEventListener('updates', (event) => {
    if (typeof event.data !== 'string') return;
    unparsed.push(event.data);
    request();
  });

  /** Parses waiting messages until `wanted` updates wait in `queue`, or none is left. */
  function parseUntil(wanted: number): void {
    let next = 0;
    while (next < unparsed.length && queue.length - head < wanted) {
      const updates = parseData(unparsed[next]) as RemoteEventUpdate[] | undefined;
      next += 1;
      if (Array.isArray(updates)) for (const update of updates) queue.push(update);
    }
    unparsed = next === unparsed.length ? [] : unparsed.slice(next);
  }

  function request(): void {
    if (scheduled) return;
    scheduled = true;
    const wait = lastFlush + minInterval - now();
    if (wait > 0) setTimeout(() => schedule(flush), wait);
    else schedule(flush);
  }

  function flush(): void {
    scheduled = false;
    lastFlush = now();
    const changedSources = applySources();
    const sources = remoteSourcesStore.getState().sources;
    const records = new Map<string, EventRecord>();
    let duplicates = 0;
    const fit =
      costPerUpdate > 0
        ? Math.max(FEWEST_PER_FLUSH, Math.floor(frameBudget / costPerUpdate))
        : maxPerFlush;
    const wanted = Math.min(maxPerFlush, fit);
    const first = head;
    parseUntil(wanted);
    const end = Math.min(queue.length, head + wanted);
    for (let taken = 0; head < end; head += 1, taken += 1) {
      // Looking at the clock every 64 updates keeps its cost out of the loop.
      if (taken % 64 === 63 && now() - lastFlush > flushBudget) break;
      const update = queue[head];
      if (update === undefined) continue;
      const id = update.event.id;
      const known = seen.get(id);
      if (
        known !== undefined &&
        (known.run > update.run || (known.run === update.run && known.seq >= update.seq))
      ) {
        duplicates += 1;
        continue;
      }
      const originalId = originalIdIn(update);
      const original =
        originalId === null ? undefined : (records.get(originalId) ?? recordOf(store, originalId));
      const record = remoteRecord(update, sources[update.sourceId], original);
      if (typeof record === 'string') continue; // the receiver checked it; nothing to show
      seen.set(id, { run: update.run, seq: update.seq });
      records.set(id, record);
      let running = runningBySource.get(update.sourceId);
      if (running === undefined) runningBySource.set(update.sourceId, (running = new Set()));
      if (isTerminalStatus(record.status)) running.delete(id);
      else running.add(id);
    }
    for (const sourceId of changedSources) {
      for (const id of runningBySource.get(sourceId) ?? []) {
        const record = records.get(id) ?? recordOf(store, id);
        if (record?.remote === undefined) continue;
        const { disconnected, restarted } = standingOf(
          record.status,
          sources[sourceId],
          seen.get(id)?.run ?? 1,
        );
        const remote = { ...record.remote, disconnected, restarted };
        if (restarted === undefined) delete remote.restarted;
        if (disconnected !== record.remote.disconnected || restarted !== record.remote.restarted) {
          records.set(id, { ...record, remote });
        }
      }
    }
    mergeRecords(store, [...records.values()]);
    const taken = head - first;
    if (taken >= FEWEST_PER_FLUSH) {
      const started = lastFlush;
      // After the rows' renders the store update scheduled, which React runs in a microtask
      // queued before this one.
      queueMicrotask(() => {
        costPerUpdate = (now() - started) / taken;
      });
    }
    if (duplicates > 0) {
      remoteSourcesStore.setState((state) => ({ duplicates: state.duplicates + duplicates }));
    }
    if (head >= queue.length) {
      queue = [];
      head = 0;
      if (unparsed.length === 0) return;
    }
    if (head > 10_000) {
      queue = queue.slice(head);
      head = 0;
    }
    // A backlog goes on at the next frame: waiting out the interval would let it grow.
    scheduled = true;
    schedule(flush);
  }

  /**
   * Puts the pending list of sources in the sources store, one update however many lists came
   * since the last flush; returns the sources whose connection or run changed.
   */
  function applySources(): Set<string> {
    const changed = new Set<string>();
    const list = pendingSources;
    if (list === undefined) return changed;
    pendingSources = undefined;
    const before = remoteSourcesStore.getState().sources;
    const sources: Record<string, RemoteSource> = {};
    for (const source of list) {
      sources[source.id] = source;
      const was = before[source.id];
      if (was?.connected !== source.connected || was.run !== source.run) changed.add(source.id);
    }
    remoteSourcesStore.setState({ sources });
    return changed;
  }

  return () => {
    stream.close();
    remoteSourcesStore.setState({ link: 'off', message: null });
  };
}

/**
 * `npm run bench:bridge` reads the records as they land, from a build made with
 * `VITE_BRIDGE_BENCH=true`; other builds leave this out.
 */
function exposeToBenchmark(store: EventStore): void {
  (globalThis as { __bridgeBenchStore?: EventStore }).__bridgeBenchStore = store;
}

function originalIdIn(update: RemoteEventUpdate): string | null {
  const original = update.event.metadata.original;
  if (typeof original !== 'object' || original === null || Array.isArray(original)) return null;
  return typeof original.id === 'string' ? original.id : null;
}

/** The JSON of a Server-Sent Event, or `undefined` for anything else. */
function parseData(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

import type { StoreApi } from 'zustand/vanilla';
import type { Clock, Event } from '../lib';
import { createBatcher, type Batcher } from './notifyManager';
import { createEndedEvents } from './endedEvents';
import { findKind, type DemoInit, type DemoParams } from './catalogue';
import type { EventRecord } from './eventRecord';
import { launchChecks } from './lazySchemas';
import { messageOf } from './messageOf';
import { mirrorRecord, originalIdOf, type Tracked } from './mirror';
import type { RecordsCache } from './records/recordsCache';
import type { EventStoreState, Notice } from './types';

/** Notices kept; older ones are dropped. */
const MAX_NOTICES = 20;

/**
 * What the store's groups of actions share: its state, the live events behind the records,
 * and the steps every group takes (track a new event, commit records, make a fresh attempt).
 */
export interface StoreContext {
  get: () => EventStoreState;
  set: StoreApi<EventStoreState>['setState'];
  /** The records, by id; see `./records/recordsCache`. */
  records: RecordsCache;
  clock: Clock;
  random: () => number;
  /** What every event the store creates gets: the clock and randomness. */
  eventInit: DemoInit;
  /** Live events by id: the objects behind `source: 'live'` records. */
  live: Map<string, Tracked>;
  /** Abort controllers of the retry runs in progress, by chain id. */
  retryControllers: Map<string, AbortController>;
  batcher: Batcher;
  notice: (level: Notice['level'], message: string) => void;
  /**
   * Registers a live event and subscribes to it. Lineage comes from `metadata.original`
   * unless given: the attempt after the one it was made from, in that one's chain.
   */
  track: (
    event: Event,
    base: { kind: string; label: string; params: DemoParams; invokeCalls: number },
  ) => Tracked;
  /**
   * One update of the records adding `newIds` (newest last in the list, shown first) and
   * applying every queued change.
   */
  commit: (newIds: readonly string[]) => void;
  /** A new, tracked but not yet invoked, fresh attempt of `record`; why not, in words. */
  freshAttempt: (record: EventRecord, copyMeta: boolean) => Tracked | string;
  /** Why a restored or imported record cannot be `action` (`invoked again`, `cancelled`). */
  readOnlyMessage: (record: EventRecord, action: string) => string;
}

/** The context of one store; `nextNoticeId` numbers notices across the store's lifetime. */
export function createStoreContext(config: {
  get: StoreContext['get'];
  set: StoreContext['set'];
  records: RecordsCache;
  clock: Clock;
  random: () => number;
  eventInit: DemoInit;
  schedule: (flush: () => void) => void;
  frameBudgetMs: number;
  nextNoticeId: () => string;
}): StoreContext {
  const { set, records } = config;
  const live = new Map<string, Tracked>();
  const retryControllers = new Map<string, AbortController>();
  const endedEvents = createEndedEvents({
    live,
    records,
    clock: config.clock,
    busy: (chainId) => retryControllers.has(chainId),
  });

  const notice = (level: Notice['level'], message: string): void => {
    const entry: Notice = { id: config.nextNoticeId(), level, message };
    set((state) => ({ notices: [...state.notices, entry].slice(-MAX_NOTICES) }));
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
    const original = originalId === null ? undefined : records.get(originalId);
    const attempt =
      original !== undefined
        ? original.attempt + 1
        : originalId !== null
          ? (positiveInteger(event.metadata.attempt) ?? 2)
          : 1;
    const tracked: Tracked = {
      event,
      // A fresh attempt runs on the clock of the attempt it was made from; a new event on the
      // clock new events get now.
      clock:
        (originalId === null ? undefined : live.get(originalId)?.clock) ??
        config.eventInit.clock ??
        config.clock,
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
      endedEvents.changed(event.id);
    });
    live.set(event.id, tracked);
    return tracked;
  };

  /**
   * One update of the records adding `newIds` (newest last in the list, shown first) and
   * applying every queued change.
   */
  const commit = (newIds: readonly string[]): void => {
    const fresh = new Set(newIds);
    const changed: EventRecord[] = [];
    for (const id of newIds) {
      const tracked = live.get(id);
      if (tracked !== undefined) changed.push(mirrorRecord(tracked));
    }
    for (const id of batcher.pending) if (!fresh.has(id)) mirrorInto(changed, id);
    batcher.clear();
    records.upsert(changed, 'newer');
  };

  /** Adds the record of the live event `id` to `changed` if it is listed already. */
  const mirrorInto = (changed: EventRecord[], id: string): void => {
    const tracked = live.get(id);
    // An event tracked but not committed yet is added by its own commit.
    if (tracked !== undefined && records.has(id)) changed.push(mirrorRecord(tracked));
  };

  const batcher = createBatcher(
    config.schedule,
    (ids) => {
      const changed: EventRecord[] = [];
      for (const id of ids) mirrorInto(changed, id);
      records.upsert(changed, 'newer');
    },
    { budgetMs: config.frameBudgetMs, now: () => performance.now() },
  );

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
        fresh = kindSchema.create(record.params, { ...config.eventInit, metadata });
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
    get: config.get,
    set,
    records,
    clock: config.clock,
    random: config.random,
    eventInit: config.eventInit,
    live,
    retryControllers,
    batcher,
    notice,
    track,
    commit,
    freshAttempt,
    readOnlyMessage,
  };
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined;
}

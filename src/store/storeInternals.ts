import type { StateCreator } from 'zustand/vanilla';
import type { Clock } from '../lib';
import type { DemoInit } from './catalogue';
import { createEndedEvents, type EndedEvents } from './endedEvents';
import type { HistoryConnection } from './history/connectHistory';
import { mirrorIfListed, type Tracked } from './mirror';
import { createBatcher, taskOncePerFrame, type Batcher } from './notifyManager';
import { createRecordsCache, type RecordsCache } from './records/recordsCache';
import type { EventRecord } from './eventRecord';
import type { EventStoreOptions, EventStoreState } from './types';

/**
 * One part of the store's state and actions, made the way Zustand's slices pattern makes
 * them: `(set, get, api)` over the whole state. Slices reach each other through `get()`.
 */
export type Slice<T> = StateCreator<EventStoreState, [], [], T>;

/**
 * What a store keeps outside its state: made once per store and handed to the slices that
 * need it. Only data lives here; the steps over it are plain functions (`./liveEvents`).
 */
export interface StoreInternals {
  /** The records, by id; see `./records/recordsCache`. */
  readonly records: RecordsCache;
  /** Live events by id: the objects behind `source: 'live'` records. */
  readonly live: Map<string, Tracked>;
  /** Ids of live events changed since the last update of the records. */
  readonly batcher: Batcher;
  /** Abort controllers of the retry runs in progress, by chain id. */
  readonly retryControllers: Map<string, AbortController>;
  /** Lets go of the objects of ended live events, keeping their records. */
  readonly endedEvents: EndedEvents;
  readonly time: StoreTime;
  /** The link to durable history, once made (just after the store). */
  history: { connection: HistoryConnection; hydrated: Promise<void> } | null;
}

/** The time and randomness of a store and of the events it creates. */
export interface StoreTime {
  /** Wall-clock time for notices, countdowns and exports. */
  readonly clock: Clock;
  /** The clock given in the options, which new events get when no lesson clock is set. */
  readonly givenClock: Clock | undefined;
  readonly random: () => number;
  /** What every event the store creates gets now: clock, scheduler and randomness. */
  readonly eventInit: DemoInit;
}

const wallClock: Clock = { now: () => Date.now() };

export function createStoreInternals(options: EventStoreOptions): StoreInternals {
  const random = options.random ?? Math.random;
  const eventInit: DemoInit = { random };
  if (options.clock !== undefined) eventInit.clock = options.clock;
  const records = createRecordsCache();
  const live = new Map<string, Tracked>();
  const batcher = createBatcher(
    options.schedule ?? taskOncePerFrame(),
    (ids) => {
      const changed: EventRecord[] = [];
      for (const id of ids) mirrorIfListed(live, records, id, changed);
      records.upsert(changed, 'newer');
    },
    { budgetMs: options.frameBudgetMs ?? 8, now: () => performance.now() },
  );
  const retryControllers = new Map<string, AbortController>();
  const clock = options.clock ?? wallClock;
  return {
    records,
    live,
    batcher,
    retryControllers,
    endedEvents: createEndedEvents({
      live,
      records,
      clock,
      busy: (chainId) => retryControllers.has(chainId),
    }),
    time: { clock, givenClock: options.clock, random, eventInit },
    history: null,
  };
}

/**
 * Test-only: random programs over events for the lifecycle property tests. What `_invoke`
 * and the pre-check do is data (a {@link Script}), so fresh copies repeat it; the actions
 * of a {@link Program} are what a caller may do to a handful of events.
 */
import fc from 'fast-check';
import type { Clock } from '../../src/lib/clock';
import { Event, type EventInit, type InvokeContext } from '../../src/lib/event';
import {
  anyValueArbitrary,
  responseArbitrary,
  thrownValueArbitrary,
  timeoutArbitrary,
  unbox,
} from './arbitraries';

// ---------------------------------------------------------------------------------------------
// Scripted events: what `_invoke` and the pre-check do is data, so fresh copies repeat it.

export type Timing = 'sync' | 'scheduled' | { delayMs: number };

export type Work =
  | { kind: 'return'; value: unknown; timing: Timing }
  | { kind: 'throw'; value: unknown; timing: Timing }
  | { kind: 'hang'; rejectsOnAbort: boolean };

export type Precheck =
  | { kind: 'pass'; timing: 'sync' | 'scheduled' }
  | { kind: 'skip' }
  | { kind: 'throw'; value: unknown; timing: 'sync' | 'scheduled' };

export interface Script {
  work: Work;
  precheck: Precheck | undefined;
}

export interface ScriptedInit extends EventInit {
  script: Script;
  /** Orders the scripted work's promises (not the event's timers, which are fake timers). */
  asyncScheduler: fc.Scheduler;
}

/** Timestamps and durations come from the faked `Date`, so they follow the fake timers. */
export const fakeClock: Clock = { now: () => Date.now() };

export class ScriptedEvent extends Event {
  /** How often `_invoke` really ran. */
  runs = 0;
  readonly script: Script;
  readonly asyncScheduler: fc.Scheduler;

  constructor(init: ScriptedInit) {
    super(init);
    this.script = init.script;
    this.asyncScheduler = init.asyncScheduler;
  }

  protected _invoke(ctx: InvokeContext): unknown {
    this.runs += 1;
    const { work } = this.script;
    switch (work.kind) {
      case 'hang':
        return new Promise((_resolve, reject) => {
          if (work.rejectsOnAbort) {
            ctx.signal.addEventListener('abort', () => {
              reject(ctx.signal.reason as Error);
            });
          }
        });
      case 'return':
        return after(work.timing, this.asyncScheduler, () => unbox(work.value));
      case 'throw':
        return after(work.timing, this.asyncScheduler, () => {
          throw unbox(work.value);
        });
    }
  }
}

/** A scripted event with a pre-check that passes, skips the event, or throws to abort it. */
export class PrecheckedEvent extends ScriptedEvent {
  protected override _precheck(): void | Promise<void> {
    const precheck = this.script.precheck;
    if (precheck === undefined) return;
    if (precheck.kind === 'skip') {
      this.skip('the pre-check skipped it');
      return;
    }
    if (precheck.kind === 'pass') {
      return precheck.timing === 'sync'
        ? undefined
        : this.asyncScheduler.schedule(Promise.resolve());
    }
    return after(precheck.timing, this.asyncScheduler, () => {
      throw unbox(precheck.value);
    }) as Promise<void>;
  }
}

function after(timing: Timing, scheduler: fc.Scheduler, finish: () => unknown): unknown {
  if (timing === 'sync') return finish();
  const wait =
    timing === 'scheduled'
      ? scheduler.schedule(Promise.resolve())
      : new Promise((resolve) => setTimeout(resolve, timing.delayMs));
  return wait.then(finish);
}

// ---------------------------------------------------------------------------------------------
// Programs.

export type ListenerKind =
  | 'record'
  | 'throw'
  | 'unsubscribe-self'
  | 'cancel-on-processing'
  | 'invoke-again'
  | 'subscribe-another';

export type Action =
  | { type: 'invoke'; target: number; times: number }
  | { type: 'cancel'; target: number; reason: string | undefined }
  | { type: 'skip'; target: number; reason: string | undefined }
  | { type: 'subscribe'; target: number; kind: ListenerKind; thrown: unknown }
  | { type: 'unsubscribe'; listener: number }
  | { type: 'fresh'; target: number; copyMeta: boolean }
  | { type: 'advance'; ms: number }
  | { type: 'release' };

export interface RootEvent {
  script: Script;
  timeout: number | null;
  metadata: Record<string, unknown> | undefined;
}

export interface Program {
  roots: RootEvent[];
  actions: Action[];
  scheduler: fc.Scheduler;
}

const timingArbitrary: fc.Arbitrary<Timing> = fc.oneof(
  fc.constant<Timing>('sync'),
  fc.constant<Timing>('scheduled'),
  fc.integer({ min: 0, max: 4_000 }).map((delayMs): Timing => ({ delayMs })),
);

const workArbitrary: fc.Arbitrary<Work> = fc.oneof(
  fc.record({
    kind: fc.constant('return' as const),
    value: responseArbitrary,
    timing: timingArbitrary,
  }),
  fc.record({
    kind: fc.constant('throw' as const),
    value: thrownValueArbitrary,
    timing: timingArbitrary,
  }),
  fc.record({ kind: fc.constant('hang' as const), rejectsOnAbort: fc.boolean() }),
);

const precheckArbitrary: fc.Arbitrary<Precheck | undefined> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pass' as const),
      timing: fc.constantFrom('sync' as const, 'scheduled' as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'skip' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('throw' as const),
      value: thrownValueArbitrary,
      timing: fc.constantFrom('sync' as const, 'scheduled' as const),
    }),
  },
);

const rootArbitrary: fc.Arbitrary<RootEvent> = fc.record({
  script: fc.record({ work: workArbitrary, precheck: precheckArbitrary }),
  timeout: timeoutArbitrary,
  metadata: fc.option(
    fc.dictionary(fc.string({ maxLength: 6 }), anyValueArbitrary, { maxKeys: 3 }),
    {
      nil: undefined,
    },
  ),
});

const target = fc.nat({ max: 7 });
const reason = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });

const actionArbitrary: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('invoke' as const),
      target,
      times: fc.integer({ min: 1, max: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('cancel' as const), target, reason }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('skip' as const), target, reason }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('subscribe' as const),
      target,
      kind: fc.constantFrom<ListenerKind>(
        'record',
        'throw',
        'unsubscribe-self',
        'cancel-on-processing',
        'invoke-again',
        'subscribe-another',
      ),
      thrown: anyValueArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('unsubscribe' as const),
      listener: fc.nat({ max: 15 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ type: fc.constant('fresh' as const), target, copyMeta: fc.boolean() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      ms: fc.integer({ min: 0, max: 3_000 }),
    }),
  },
  { weight: 3, arbitrary: fc.constant({ type: 'release' as const }) },
);

export const programArbitrary: fc.Arbitrary<Program> = fc.record({
  roots: fc.array(rootArbitrary, { minLength: 1, maxLength: 3 }),
  actions: fc.array(actionArbitrary, { maxLength: 24 }),
  scheduler: fc.scheduler(),
});

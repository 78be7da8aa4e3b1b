import { systemClock, type Clock } from './clock.ts';
import { ValidationError } from './errors/validationError.ts';
import { systemScheduler, type Scheduler } from './scheduler.ts';
import { describeValue } from './serialize/describeValue.ts';

/** The slowest and fastest a lesson clock runs, as multiples of real time. */
export const LESSON_SPEED_MIN = 0.1;
export const LESSON_SPEED_MAX = 4;

/**
 * Virtual time for teaching: a {@link Clock} and a {@link Scheduler} in one, that can pause,
 * resume, step to its next timer, and run from 0.1× to 4× real time. Give it to events (or
 * to `configureEvents`) as both `clock` and `scheduler`, and their timeouts, sleeps and
 * retry backoff happen in its time.
 *
 * ```ts
 * const lesson = createLessonClock({ paused: true });
 * const event = new SlowEvent({ delay: 1, timeout: 0.05, clock: lesson, scheduler: lesson });
 * void event.invoke();
 * lesson.step(); // the 0.05 s timeout fires: event.status becomes 'cancelled' in a microtask
 * ```
 */
export interface LessonClock extends Clock, Scheduler {
  readonly paused: boolean;
  /** Multiple of real time, from {@link LESSON_SPEED_MIN} to {@link LESSON_SPEED_MAX}. */
  readonly speed: number;
  /** Virtual milliseconds since the clock was made. */
  elapsed(): number;
  /** Timers waiting to run. */
  pendingCount(): number;
  /** Virtual milliseconds until the next timer is due (0 when overdue), or `undefined`. */
  nextDueIn(): number | undefined;
  pause(): void;
  resume(): void;
  /** Throws a `ValidationError` for a speed outside 0.1–4. */
  setSpeed(speed: number): void;
  /**
   * Moves virtual time to the next timer and runs it; what it starts (transitions, settled
   * promises) follows in microtasks. Returns `false` when no timer is waiting.
   */
  step(): boolean;
  /** Hears every change of state: pause, resume, speed, a timer set, run or cleared. */
  subscribe(listener: () => void): () => void;
  /** Stops driving timers in real time; pending ones run only when stepped. */
  dispose(): void;
}

export interface LessonClockOptions {
  /** Real time it follows while running (default: the system clock). */
  clock?: Clock;
  /** Real timers it drives its own with while running (default: the global ones). */
  scheduler?: Scheduler;
  /** Start speed (default 1). */
  speed?: number;
  /** Start paused (default `false`). */
  paused?: boolean;
}

interface Timer {
  due: number;
  /** Order of setting: timers due at the same time run in the order they were set. */
  seq: number;
  callback: () => void;
}

/** Makes a {@link LessonClock}, starting at the real time of now. */
export function createLessonClock(options: LessonClockOptions = {}): LessonClock {
  const real = options.clock ?? systemClock;
  const realTimers = options.scheduler ?? systemScheduler;
  let speed = checkedSpeed(options.speed ?? 1);
  let paused = options.paused ?? false;
  const origin = real.now();
  /** Virtual time at `realBase`; virtual time moves from there at `speed` while running. */
  let virtualBase = origin;
  let realBase = origin;
  let lastNow = origin;
  let seq = 0;
  let driver: unknown;
  let disposed = false;
  const heap: Timer[] = [];
  /** Timers set and neither run nor cleared; cleared ones leave the heap when they reach its top. */
  const live = new Set<Timer>();
  const listeners = new Set<() => void>();

  const now = (): number => {
    const time = paused ? virtualBase : virtualBase + (real.now() - realBase) * speed;
    // Never backwards, whatever the real clock does.
    lastNow = Math.max(lastNow, time);
    return lastNow;
  };

  const rebase = (): void => {
    virtualBase = now();
    realBase = real.now();
  };

  const notify = (): void => {
    for (const listener of [...listeners]) listener();
  };

  const peek = (): Timer | undefined => {
    while (heap[0] !== undefined && !live.has(heap[0])) pop();
    return heap[0];
  };

  const pop = (): Timer | undefined => {
    const top = heap[0];
    const last = heap.pop();
    if (top !== undefined && last !== undefined && last !== top) {
      heap[0] = last;
      siftDown(heap, 0);
    }
    return top;
  };

  const run = (timer: Timer): void => {
    live.delete(timer);
    try {
      timer.callback();
    } catch (error) {
      // As a real timer would: the error surfaces, the clock carries on.
      queueMicrotask(() => {
        throw error;
      });
    }
  };

  /** Keeps one real timer armed for the next virtual one, while running. */
  const arm = (): void => {
    if (driver !== undefined) {
      realTimers.clearTimeout(driver);
      driver = undefined;
    }
    const next = peek();
    if (paused || disposed || next === undefined) return;
    const waitMs = Math.max(0, (next.due - now()) / speed);
    driver = realTimers.setTimeout(fire, waitMs);
  };

  /** One virtual timer per real one, so microtasks run between timers as they would. */
  const fire = (): void => {
    driver = undefined;
    const next = peek();
    if (next !== undefined && next.due <= now()) {
      pop();
      run(next);
      notify();
    }
    arm();
  };

  const clock: LessonClock = {
    get paused() {
      return paused;
    },
    get speed() {
      return speed;
    },
    now,
    elapsed: () => now() - origin,
    pendingCount: () => live.size,
    nextDueIn: () => {
      const next = peek();
      return next === undefined ? undefined : Math.max(0, next.due - now());
    },
    setTimeout(callback, ms) {
      const delay = typeof ms === 'number' && ms > 0 && Number.isFinite(ms) ? ms : 0;
      const timer: Timer = { due: now() + delay, seq: seq++, callback };
      heap.push(timer);
      siftUp(heap, heap.length - 1);
      live.add(timer);
      if (heap[0] === timer) arm();
      notify();
      return timer;
    },
    clearTimeout(handle) {
      // Only this clock's own timers are in `live`; anything else is ignored.
      if (live.delete(handle as Timer)) notify();
    },
    pause() {
      if (paused) return;
      rebase();
      paused = true;
      arm();
      notify();
    },
    resume() {
      if (!paused) return;
      realBase = real.now();
      paused = false;
      arm();
      notify();
    },
    setSpeed(next) {
      const checked = checkedSpeed(next);
      rebase();
      speed = checked;
      arm();
      notify();
    },
    step() {
      const next = peek();
      if (next === undefined) return false;
      pop();
      if (next.due > now()) {
        virtualBase = next.due;
        lastNow = next.due;
      }
      realBase = real.now();
      run(next);
      arm();
      notify();
      return true;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    dispose() {
      rebase();
      disposed = true;
      paused = true;
      arm();
      notify();
    },
  };
  return clock;
}

function checkedSpeed(speed: unknown): number {
  if (
    typeof speed !== 'number' ||
    !Number.isFinite(speed) ||
    speed < LESSON_SPEED_MIN ||
    speed > LESSON_SPEED_MAX
  ) {
    throw new ValidationError(
      `speed must be a number from ${String(LESSON_SPEED_MIN)} to ${String(LESSON_SPEED_MAX)}, got ${describeValue(speed)}`,
      { details: { field: 'speed', value: describeValue(speed) } },
    );
  }
  return speed;
}

const before = (a: Timer, b: Timer): boolean => a.due < b.due || (a.due === b.due && a.seq < b.seq);

function siftUp(heap: Timer[], index: number): void {
  let child = index;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    const [c, p] = [heap[child], heap[parent]];
    if (c === undefined || p === undefined || !before(c, p)) return;
    heap[child] = p;
    heap[parent] = c;
    child = parent;
  }
}

function siftDown(heap: Timer[], index: number): void {
  let parent = index;
  for (;;) {
    const left = parent * 2 + 1;
    let smallest = parent;
    for (const child of [left, left + 1]) {
      const candidate = heap[child];
      const current = heap[smallest];
      if (candidate !== undefined && current !== undefined && before(candidate, current)) {
        smallest = child;
      }
    }
    if (smallest === parent) return;
    const [a, b] = [heap[parent], heap[smallest]];
    if (a === undefined || b === undefined) return;
    heap[parent] = b;
    heap[smallest] = a;
    parent = smallest;
  }
}

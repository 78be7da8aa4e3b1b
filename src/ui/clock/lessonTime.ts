import { createLessonClock, type LessonClock } from '../../lib/lessonClock';
import { getAppStore } from '../../store';

/**
 * The page's lesson clock, when lesson time is on: events launched meanwhile run on it (their
 * timeouts, sleeps and retry backoff), and their live durations follow it (the store knows
 * each event's clock).
 */
let current: LessonClock | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** The lesson clock in force, or `null` in real time. */
export function currentLessonClock(): LessonClock | null {
  return current;
}

/** Hears lesson time being switched on or off. */
export function subscribeLessonTime(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Switches to a new lesson clock (paused unless told otherwise) and returns it. */
export function startLessonTime(options: { speed?: number; paused?: boolean } = {}): LessonClock {
  stopLessonTime();
  const lesson = createLessonClock({ speed: options.speed ?? 1, paused: options.paused ?? true });
  current = lesson;
  getAppStore().getState().setTimeSource({ clock: lesson, scheduler: lesson });
  notify();
  return lesson;
}

/**
 * Back to real time for new events. Events still waiting on the lesson clock are not stranded:
 * it runs on, at its speed, until they are done.
 */
export function stopLessonTime(): void {
  const lesson = current;
  if (lesson === null) return;
  current = null;
  lesson.resume();
  getAppStore().getState().setTimeSource(null);
  notify();
}

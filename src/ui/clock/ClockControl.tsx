import { useEffect, useReducer, useSyncExternalStore } from 'react';
import type { LessonClock } from '../../lib';
import {
  currentLessonClock,
  startLessonTime,
  stopLessonTime,
  subscribeLessonTime,
} from './lessonTime.ts';
import { CopyLessonLink } from './CopyLessonLink.tsx';
import './clockLayout.css';
import './clockControl.css';

// Lesson links are applied from this chunk, which the page fetches anyway: the lesson clock
// then lives in one lazy chunk instead of the first download.
export { applyLessonHash } from '../lesson/applyLesson.ts';

/** The speeds offered, as multiples of real time. */
export const LESSON_SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4] as const;

/** How often the shown time moves while the lesson clock runs. */
const REDRAW_MS = 100;

/**
 * The toolbar's clock: real time, or lesson time that the learner pauses, steps to its next
 * timer and slows down or speeds up. Events launched in lesson time run on the lesson clock.
 */
export function ClockControl() {
  const lesson = useSyncExternalStore(subscribeLessonTime, currentLessonClock);
  return (
    <div className="clock-control" role="group" aria-label="Clock">
      <button
        type="button"
        aria-pressed={lesson !== null}
        onClick={() => {
          if (lesson === null) startLessonTime();
          else stopLessonTime();
        }}
      >
        Lesson time
      </button>
      {lesson === null ? (
        <span className="muted clock-real">Real time</span>
      ) : (
        <LessonControls lesson={lesson} />
      )}
      <CopyLessonLink />
    </div>
  );
}

export default ClockControl;

function LessonControls({ lesson }: { lesson: LessonClock }) {
  const [, redraw] = useReducer((count: number) => count + 1, 0);
  useEffect(() => lesson.subscribe(redraw), [lesson]);
  const { paused } = lesson;
  useEffect(() => {
    if (paused) return;
    const timer = setInterval(redraw, REDRAW_MS);
    return () => {
      clearInterval(timer);
    };
  }, [lesson, paused]);
  const nextDue = lesson.nextDueIn();

  return (
    <>
      <button
        type="button"
        onClick={() => {
          if (paused) lesson.resume();
          else lesson.pause();
        }}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button
        type="button"
        disabled={nextDue === undefined}
        title="Run the next timer: a timeout, a sleep or a retry wait"
        onClick={() => {
          lesson.step();
        }}
      >
        Step
      </button>
      <label className="clock-speed">
        Speed
        <select
          value={String(lesson.speed)}
          onChange={(event) => {
            lesson.setSpeed(Number(event.target.value));
          }}
        >
          {LESSON_SPEEDS.map((speed) => (
            <option key={speed} value={String(speed)}>
              {speed}×
            </option>
          ))}
        </select>
      </label>
      <output className="clock-time" aria-label="Lesson time">
        t = {formatSeconds(lesson.elapsed())}
      </output>
      <span className="muted clock-next">
        {nextDue === undefined ? 'nothing scheduled' : `next in ${formatSeconds(nextDue)}`}
      </span>
    </>
  );
}

/** Milliseconds as seconds with three decimals: `0.050 s`. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`;
}

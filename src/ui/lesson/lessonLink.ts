import { MAX_LAUNCH_COUNT } from '../../store/launchLimits.ts';

/**
 * A lesson as a link: the scenario (demo kind and its parameters, timeout and seed among
 * them; how many to launch; the clock; the tour step) in the address's hash, as `#lesson=1&kind=slow&p.delay=1…`.
 * Readable, versioned, and checked part by part when read: a hash that does not fit gets a
 * message that says which part and why, never an exception.
 */

/** The format written today. A link with a newer version is refused with a clear message. */
export const LESSON_VERSION = 1;

const MAX_HASH_LENGTH = 4_000;
const MAX_PARAMS = 20;
const MAX_VALUE_LENGTH = 1_000;
const KIND = /^[a-z][a-z0-9-]{0,39}$/;
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const MIN_SPEED = 0.1;
const MAX_SPEED = 4;
const MAX_TOUR_STEP = 99;

export type LessonClockSetting =
  { mode: 'real' } | { mode: 'lesson'; speed: number; paused: boolean };

export interface Lesson {
  /** The demo kind launched when the link opens, with its form's values (as text). */
  kind: string | null;
  params: Record<string, string>;
  /**
   * How many events of the kind to launch (a burst), when more than one. A seeded burst
   * replays event by event: each draws from a seed derived from the seed and its place.
   */
  count?: number;
  clock: LessonClockSetting;
  /** 0-based tour step to open, or `null`. */
  tourStep: number | null;
}

export type LessonReading =
  { type: 'none' } | { type: 'lesson'; lesson: Lesson } | { type: 'invalid'; problem: string };

/** The hash for a lesson, `#lesson=1&…`. */
export function encodeLesson(lesson: Lesson): string {
  const parts = new URLSearchParams();
  parts.set('lesson', String(LESSON_VERSION));
  if (lesson.kind !== null) parts.set('kind', lesson.kind);
  for (const [name, value] of Object.entries(lesson.params)) parts.set(`p.${name}`, value);
  if (lesson.count !== undefined && lesson.count > 1) parts.set('count', String(lesson.count));
  if (lesson.clock.mode === 'lesson') {
    parts.set('clock', 'lesson');
    parts.set('speed', String(lesson.clock.speed));
    if (lesson.clock.paused) parts.set('paused', '1');
  }
  if (lesson.tourStep !== null) parts.set('tour', String(lesson.tourStep + 1));
  return `#${parts.toString()}`;
}

/** Reads a hash; `none` when it is not a lesson link at all. Never throws. */
export function decodeLesson(hash: string): LessonReading {
  try {
    return decode(hash);
  } catch (error) {
    return { type: 'invalid', problem: `it could not be read (${String(error)})` };
  }
}

function decode(hash: string): LessonReading {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!body.startsWith('lesson=')) return { type: 'none' };
  if (body.length > MAX_HASH_LENGTH) {
    return invalid(
      `it is ${String(body.length)} characters long; at most ${String(MAX_HASH_LENGTH)} are read`,
    );
  }
  const parts = new URLSearchParams(body);
  const version = parts.get('lesson');
  if (version !== String(LESSON_VERSION)) {
    return /^\d+$/.test(version ?? '') && Number(version) > LESSON_VERSION
      ? invalid(
          `it was made by a newer Lifecycle Lab (format ${String(version)}; this one reads ${String(LESSON_VERSION)})`,
        )
      : invalid(
          `"lesson=${quote(version)}" is not a format this page knows (expected lesson=${String(LESSON_VERSION)})`,
        );
  }
  const seen = new Set<string>();
  const lesson: Lesson = { kind: null, params: {}, clock: { mode: 'real' }, tourStep: null };
  let clockMode = 'real';
  let speed = 1;
  let paused = false;
  for (const [key, value] of parts) {
    if (seen.has(key)) return invalid(`"${quote(key)}" is given twice`);
    seen.add(key);
    if (value.length > MAX_VALUE_LENGTH) {
      return invalid(`"${quote(key)}" is longer than ${String(MAX_VALUE_LENGTH)} characters`);
    }
    if (key === 'lesson') continue;
    if (key.startsWith('p.')) {
      const name = key.slice(2);
      if (!PARAM_NAME.test(name)) return invalid(`"${quote(key)}" is not a parameter name`);
      if (Object.keys(lesson.params).length >= MAX_PARAMS) {
        return invalid(`it has more than ${String(MAX_PARAMS)} parameters`);
      }
      lesson.params[name] = value;
      continue;
    }
    switch (key) {
      case 'kind':
        if (!KIND.test(value)) return invalid(`kind "${quote(value)}" is not a demo kind name`);
        lesson.kind = value;
        break;
      case 'clock':
        if (value !== 'real' && value !== 'lesson') {
          return invalid(`clock must be "real" or "lesson", not "${quote(value)}"`);
        }
        clockMode = value;
        break;
      case 'speed':
        speed = Number(value);
        if (value.trim() === '' || !(speed >= MIN_SPEED && speed <= MAX_SPEED)) {
          return invalid(
            `speed must be a number from ${String(MIN_SPEED)} to ${String(MAX_SPEED)}, not "${quote(value)}"`,
          );
        }
        break;
      case 'paused':
        if (value !== '0' && value !== '1')
          return invalid(`paused must be 0 or 1, not "${quote(value)}"`);
        paused = value === '1';
        break;
      case 'count': {
        const count = Number(value);
        if (!/^\d{1,5}$/.test(value) || count < 1 || count > MAX_LAUNCH_COUNT) {
          return invalid(
            `count must be a whole number from 1 to ${String(MAX_LAUNCH_COUNT)}, not "${quote(value)}"`,
          );
        }
        if (count > 1) lesson.count = count;
        break;
      }
      case 'tour': {
        const step = Number(value);
        if (!/^\d{1,2}$/.test(value) || step < 1 || step > MAX_TOUR_STEP) {
          return invalid(
            `tour must be a step number from 1 to ${String(MAX_TOUR_STEP)}, not "${quote(value)}"`,
          );
        }
        lesson.tourStep = step - 1;
        break;
      }
      default:
        return invalid(`"${quote(key)}" is not part of a lesson link`);
    }
  }
  if ((Object.keys(lesson.params).length > 0 || seen.has('count')) && lesson.kind === null) {
    return invalid('it has parameters or a count but no kind');
  }
  if (clockMode === 'lesson') lesson.clock = { mode: 'lesson', speed, paused };
  else if (seen.has('speed') || seen.has('paused')) {
    return invalid('speed and paused need clock=lesson');
  }
  return { type: 'lesson', lesson };
}

function invalid(why: string): LessonReading {
  return { type: 'invalid', problem: why };
}

/** At most 40 characters of someone else's text, for a message. */
function quote(text: string | null): string {
  const value = text ?? '';
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

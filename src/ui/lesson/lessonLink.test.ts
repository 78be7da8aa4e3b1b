import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLesson, encodeLesson, type Lesson } from './lessonLink';

const paramName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,39}$/);
const lessonArbitrary: fc.Arbitrary<Lesson> = fc
  .record(
    {
      kind: fc.option(fc.stringMatching(/^[a-z][a-z0-9-]{0,39}$/), { nil: null }),
      params: fc.dictionary(paramName, fc.string({ maxLength: 60, unit: 'binary' }), {
        maxKeys: 20,
      }),
      clock: fc.oneof(
        fc.constant({ mode: 'real' as const }),
        fc.record({
          mode: fc.constant('lesson' as const),
          speed: fc.double({ min: 0.1, max: 4, noNaN: true }),
          paused: fc.boolean(),
        }),
      ),
      tourStep: fc.option(fc.integer({ min: 0, max: 98 }), { nil: null }),
      count: fc.integer({ min: 2, max: 10_000 }),
    },
    { requiredKeys: ['kind', 'params', 'clock', 'tourStep'] },
  )
  .filter(
    (lesson) =>
      lesson.kind !== null ||
      (Object.keys(lesson.params).length === 0 && lesson.count === undefined),
  );

describe('lesson links', () => {
  it('read back exactly what was written', () => {
    fc.assert(
      fc.property(lessonArbitrary, (lesson) => {
        expect(decodeLesson(encodeLesson(lesson))).toEqual({ type: 'lesson', lesson });
      }),
    );
  });

  it('never throw, whatever the hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.string({ unit: 'binary' }).map((rest) => `#lesson=1&${rest}`),
          fc.string().map((rest) => `#lesson=${rest}`),
        ),
        (hash) => {
          const reading = decodeLesson(hash);
          expect(['none', 'lesson', 'invalid']).toContain(reading.type);
        },
      ),
    );
  });

  it('leave other hashes alone', () => {
    expect(decodeLesson('')).toEqual({ type: 'none' });
    expect(decodeLesson('#/event/abc')).toEqual({ type: 'none' });
  });

  it('read a hand-written link', () => {
    expect(
      decodeLesson('#lesson=1&kind=slow&p.delay=1&p.timeout=0.05&clock=lesson&speed=0.25&paused=1'),
    ).toEqual({
      type: 'lesson',
      lesson: {
        kind: 'slow',
        params: { delay: '1', timeout: '0.05' },
        clock: { mode: 'lesson', speed: 0.25, paused: true },
        tourStep: null,
      },
    });
  });

  it('read a burst of seeded flaky events', () => {
    expect(decodeLesson('#lesson=1&kind=flaky&p.seed=3&count=20')).toEqual({
      type: 'lesson',
      lesson: {
        kind: 'flaky',
        params: { seed: '3' },
        count: 20,
        clock: { mode: 'real' },
        tourStep: null,
      },
    });
  });

  it.each([
    ['#lesson=1&kind=flaky&count=0', 'count must be a whole number from 1 to 10000, not "0"'],
    ['#lesson=1&kind=flaky&count=10001', 'count must be a whole number from 1 to 10000'],
    ['#lesson=1&count=5', 'it has parameters or a count but no kind'],
    ['#lesson=2&kind=slow', 'newer Lifecycle Lab (format 2'],
    ['#lesson=x', '"lesson=x" is not a format this page knows'],
    ['#lesson=1&kind=<script>', 'kind "<script>" is not a demo kind name'],
    ['#lesson=1&kind=slow&p.__proto__=1', '"p.__proto__" is not a parameter name'],
    ['#lesson=1&kind=slow&kind=flaky', '"kind" is given twice'],
    ['#lesson=1&clock=lesson&speed=100', 'speed must be a number from 0.1 to 4'],
    ['#lesson=1&speed=1', 'speed and paused need clock=lesson'],
    ['#lesson=1&tour=0', 'tour must be a step number from 1 to 99'],
    ['#lesson=1&p.delay=1', 'parameters or a count but no kind'],
    ['#lesson=1&evil=1', '"evil" is not part of a lesson link'],
    [`#lesson=1&kind=slow&p.a=${'x'.repeat(5000)}`, 'at most 4000 are read'],
    ['#lesson=1&p.a=%E0%A4%A', 'parameters or a count but no kind'],
  ])('refuse %s, saying why', (hash, why) => {
    const reading = decodeLesson(hash);
    expect(reading.type).toBe('invalid');
    expect(reading.type === 'invalid' ? reading.problem : '').toContain(why);
  });
});

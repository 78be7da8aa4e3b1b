import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventStatus } from '../../lib';
import {
  brushDomain,
  describeRow,
  layoutRows,
  place,
  rowOf,
  ticks,
  visibleRows,
  type RowSource,
} from './waterfallLayout';

const source = (
  id: string,
  steps: [EventStatus, number][],
  extra: Partial<RowSource> = {},
): RowSource => ({
  id,
  label: 'Slow event',
  status: steps[steps.length - 1]?.[0] ?? 'pending',
  attempt: 1,
  originalId: null,
  transitions: steps.map(([status, at]) => ({ status, at })),
  ...extra,
});

describe('the bar of one event', () => {
  it('waits from creation to processing and runs until its end', () => {
    const row = rowOf(
      source('a', [
        ['pending', 1000],
        ['processing', 1010],
        ['completed', 1500],
      ]),
      undefined,
      9999,
    );
    expect(row.segments).toEqual([
      { phase: 'waiting', start: 1000, end: 1010 },
      { phase: 'running', start: 1010, end: 1500 },
    ]);
    expect(row).toMatchObject({ start: 1000, end: 1500, open: false });
  });

  it('grows with now while it runs', () => {
    const running = source('a', [
      ['pending', 1000],
      ['processing', 1000],
    ]);
    expect(rowOf(running, undefined, 1200)).toMatchObject({ end: 1200, open: true });
    expect(rowOf(running, undefined, 1800)).toMatchObject({ end: 1800, open: true });
  });

  it('only waits when it ended without running', () => {
    const row = rowOf(
      source('a', [
        ['pending', 1000],
        ['skipped', 1003],
      ]),
      undefined,
      5000,
    );
    expect(row.segments).toEqual([{ phase: 'waiting', start: 1000, end: 1003 }]);
  });

  it('starts a retry with the backoff since the attempt before ended', () => {
    const first = source('a', [
      ['pending', 1000],
      ['processing', 1000],
      ['failed', 1100],
    ]);
    const retry = source(
      'b',
      [
        ['pending', 1300],
        ['processing', 1301],
        ['completed', 1400],
      ],
      { originalId: 'a', attempt: 2 },
    );
    const { rows, start, end } = layoutRows(
      [first, retry],
      (id) => (id === 'a' ? first : undefined),
      0,
    );
    expect(rows[1]?.segments[0]).toEqual({ phase: 'backoff', start: 1100, end: 1300 });
    expect({ start, end }).toEqual({ start: 1000, end: 1400 });
    const retryRow = rows[1];
    if (retryRow === undefined) throw new Error('no row for the retry');
    expect(describeRow(retryRow, start)).toBe(
      'Slow event, attempt 2, completed: backoff +100 ms to +300 ms; waiting +300 ms to +301 ms; running +301 ms to +400 ms',
    );
  });

  it('ends each open bar at "now" in its own event\'s clock', () => {
    const real = source('real', [
      ['pending', 1000],
      ['processing', 1000],
    ]);
    // Started on a lesson clock that is paused at 1200 while real time is at 5000.
    const lesson = source('lesson', [
      ['pending', 1100],
      ['processing', 1100],
    ]);
    const { rows } = layoutRows(
      [real, lesson],
      () => undefined,
      (id) => (id === 'lesson' ? 1200 : 5000),
    );
    expect(rows.map((row) => row.end)).toEqual([5000, 1200]);
  });

  it('segments of any history are in order, touch end to start, and never run backwards', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.nat(1e6),
        fc.option(fc.nat(1e6)),
        fc.option(fc.nat(1e6)),
        fc.nat(1e7),
        (created, toStart, toEnd, backoff, later) => {
          const steps: [EventStatus, number][] = [['pending', created]];
          const started = created + toStart;
          steps.push(['processing', started]);
          if (toEnd !== null) steps.push(['completed', started + toEnd]);
          const previousEnd = backoff === null ? undefined : created - backoff;
          const now = started + (toEnd ?? 0) + later;
          const row = rowOf(source('x', steps), previousEnd, now);
          for (let index = 0; index < row.segments.length; index++) {
            const segment = row.segments[index];
            if (segment === undefined) throw new Error('a hole in the segments');
            expect(segment.end).toBeGreaterThanOrEqual(segment.start);
            const next = row.segments[index + 1];
            if (next !== undefined) expect(next.start).toBe(segment.end);
          }
          expect(row.segments[0]?.start).toBe(row.start);
          expect(row.segments[row.segments.length - 1]?.end).toBe(row.end);
        },
      ),
    );
  });
});

describe('drawing and zooming', () => {
  const domain = { start: 1000, end: 2000 };

  it('places a segment in pixels and leaves out what is out of view', () => {
    expect(place({ start: 1250, end: 1500 }, domain, 400)).toEqual({ x: 100, width: 100 });
    expect(place({ start: 500, end: 1100 }, domain, 400)).toEqual({ x: 0, width: 40 });
    expect(place({ start: 2100, end: 2200 }, domain, 400)).toBeNull();
    expect(place({ start: 1500, end: 1500 }, domain, 400)?.width).toBe(1);
  });

  it('turns a brush, in either direction, into the time range under it', () => {
    expect(brushDomain(domain, 400, 300, 100)).toEqual({ start: 1250, end: 1750 });
    expect(brushDomain(domain, 400, -50, 500)).toEqual(domain);
  });

  it('draws only the rows in view, plus a few', () => {
    expect(visibleRows(0, 200, 20, 10_000, 5)).toEqual({ first: 0, last: 15 });
    expect(visibleRows(100_000, 200, 20, 10_000, 5)).toEqual({ first: 4995, last: 5015 });
    expect(visibleRows(1e9, 200, 20, 10_000, 5)).toEqual({ first: 10_000, last: 10_000 });
  });

  it('puts ticks at round offsets inside the range', () => {
    expect(ticks({ start: 1000, end: 3000 }, 1000, 5)).toEqual([1000, 1500, 2000, 2500, 3000]);
    expect(ticks({ start: 1000, end: 1000 }, 1000)).toEqual([]);
  });
});

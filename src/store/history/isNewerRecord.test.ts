import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStatus, isTerminalStatus, type EventStatus as Status } from '../../lib';
import { makeRecord } from '../../../tests/interop/makeRecord';
import type { EventRecord } from '../eventRecord';
import { isNewerRecord } from './isNewerRecord';

const statuses = Object.values(EventStatus) as Status[];

/** One event's copy at some point of its life: a status and how many transitions it had. */
const copyArbitrary: fc.Arbitrary<EventRecord> = fc
  .record({ status: fc.constantFrom(...statuses), steps: fc.integer({ min: 1, max: 6 }) })
  .map(({ status, steps }) =>
    makeRecord({
      status,
      transitions: Array.from({ length: steps }, (_, index) => ({
        status: index === steps - 1 ? status : EventStatus.PENDING,
        at: 1_000 + index,
      })),
    }),
  );

describe('isNewerRecord', () => {
  it('a terminal copy beats a non-terminal one, whichever has more transitions', () => {
    fc.assert(
      fc.property(copyArbitrary, copyArbitrary, (a, b) => {
        fc.pre(isTerminalStatus(a.status) !== isTerminalStatus(b.status));
        expect(isNewerRecord(a, b)).toBe(isTerminalStatus(a.status));
      }),
    );
  });

  it('between copies both terminal or both not, the one with more transitions wins', () => {
    fc.assert(
      fc.property(copyArbitrary, copyArbitrary, (a, b) => {
        fc.pre(isTerminalStatus(a.status) === isTerminalStatus(b.status));
        expect(isNewerRecord(a, b)).toBe(a.transitions.length > b.transitions.length);
      }),
    );
  });

  it('a copy never replaces itself, so a tie keeps the one in memory', () => {
    fc.assert(
      fc.property(copyArbitrary, (a) => {
        expect(isNewerRecord(a, { ...a })).toBe(false);
      }),
    );
  });

  it('at most one of two copies is newer than the other', () => {
    fc.assert(
      fc.property(copyArbitrary, copyArbitrary, (a, b) => {
        expect(isNewerRecord(a, b) && isNewerRecord(b, a)).toBe(false);
      }),
    );
  });

  it('the newest of many copies wins whatever order they arrive in', () => {
    fc.assert(
      fc.property(fc.array(copyArbitrary, { minLength: 1, maxLength: 8 }), (copies) => {
        const keep = (list: readonly EventRecord[]) =>
          list.reduce((current, incoming) =>
            isNewerRecord(incoming, current) ? incoming : current,
          );
        const forward = keep(copies);
        const backward = keep([...copies].reverse());
        expect(isTerminalStatus(forward.status)).toBe(isTerminalStatus(backward.status));
        expect(forward.transitions.length).toBe(backward.transitions.length);
      }),
    );
  });
});

import fc from 'fast-check';
import type { EventStatus } from '../../src/lib';

/**
 * What can happen to the event list between two frames: records added at the top or the
 * bottom (possibly attempts of chains already listed, in any attempt order), status changes,
 * removals, a clear, another filter, a chain opened or closed, and `look`: a frame, where the
 * list is read.
 */
export type ListOperation =
  | {
      op: 'add';
      placement: 'newer' | 'older';
      records: { chain: number; attempt: number; status: EventStatus }[];
    }
  | { op: 'status'; pick: number; status: EventStatus }
  | { op: 'remove'; picks: number[] }
  | { op: 'clear' }
  | { op: 'filter'; query: string }
  | { op: 'toggle'; chain: number }
  | { op: 'look' };

const statusArbitrary = fc.constantFrom<EventStatus>(
  'pending',
  'processing',
  'completed',
  'failed',
  'cancelled',
);

/** Filters the list may show: none, by status, by attempt, by text. */
export const LIST_QUERIES: readonly string[] = [
  '',
  'status:failed',
  'status:completed status:failed',
  'status:processing',
  'attempt:>1',
  'simple',
];

/** Few chains, so attempts of one chain meet often. */
const CHAINS = 5;

export const listOperationArbitrary: fc.Arbitrary<ListOperation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('add' as const),
      placement: fc.constantFrom('newer' as const, 'older' as const),
      records: fc.array(
        fc.record({
          chain: fc.integer({ min: 0, max: CHAINS - 1 }),
          attempt: fc.integer({ min: 1, max: 4 }),
          status: statusArbitrary,
        }),
        { minLength: 1, maxLength: 4 },
      ),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('status' as const),
      pick: fc.nat(),
      status: statusArbitrary,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('remove' as const),
      picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('filter' as const),
      query: fc.constantFrom(...LIST_QUERIES),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('toggle' as const),
      chain: fc.integer({ min: 0, max: CHAINS - 1 }),
    }),
  },
  { weight: 4, arbitrary: fc.constant({ op: 'look' as const }) },
);

export const listOperationsArbitrary: fc.Arbitrary<ListOperation[]> = fc.array(
  listOperationArbitrary,
  { maxLength: 60 },
);

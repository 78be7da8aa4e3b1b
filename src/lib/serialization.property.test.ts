/**
 * What any thrown value or any response turns into: the event's verdict, its retryability,
 * and a `toDict()` that is JSON-safe, round-trips and stays within the documented bound.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createEvent,
  explainRetryable,
  isRetryable,
  MAX_SERIALIZED_ERROR_LENGTH,
  serializeError,
  TimeoutError,
  ValidationError,
  ConnectionError,
  type ErrorDict,
} from './index.ts';
import {
  describeRunSettings,
  Hostile,
  HOSTILE_RESPONSES,
  propertyRunSettings,
  responseArbitrary,
  thrownValueArbitrary,
  unbox,
} from '../../tests/support/arbitraries.ts';

const settings = propertyRunSettings();
console.info(describeRunSettings('serialization', settings));
const PROPERTY_TIMEOUT_MS = Math.max(60_000, settings.numRuns * 20);

function expectJsonRoundTrip(value: unknown): void {
  expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
}

function countNodes(dict: ErrorDict): number {
  let count = 1;
  for (const child of dict.exceptions ?? []) count += countNodes(child);
  if (dict.cause !== undefined) count += countNodes(dict.cause);
  return count;
}

describe('serialization of whatever the work does', () => {
  it(
    'an event whose work throws any value ends failed with that value and a bounded, JSON-safe toDict',
    async () => {
      await fc.assert(
        fc.asyncProperty(thrownValueArbitrary, fc.boolean(), async (boxed, synchronously) => {
          const thrown = unbox(boxed);
          const event = createEvent<unknown>(() => {
            if (synchronously) throw thrown;
            // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- anything can be thrown: that is the case under test
            return Promise.reject(thrown);
          });
          expect(await event.invoke()).toBeUndefined();
          const { execution } = event;
          expect(execution.status).toBe('failed');
          expect(Object.is(execution.error, thrown)).toBe(true);
          expect(execution.retryable).toBe(isRetryable(thrown));
          expect(explainRetryable(thrown).retryable).toBe(execution.retryable);

          const dict = event.toDict();
          expectJsonRoundTrip(dict);
          expect(dict.execution).toStrictEqual(execution.toDict());
          const error = dict.execution.error;
          expect(error).not.toBeNull();
          expect(typeof error?.error).toBe('string');
          expect(typeof error?.message).toBe('string');
          expect(JSON.stringify(error).length).toBeLessThanOrEqual(MAX_SERIALIZED_ERROR_LENGTH);
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'an event whose work returns any value ends completed with that value and a JSON-safe response',
    async () => {
      await fc.assert(
        fc.asyncProperty(responseArbitrary, async (boxed) => {
          const response = unbox(boxed);
          const event = createEvent(() => Promise.resolve(response));
          const answer = await event.invoke();
          expect(Object.is(answer, response)).toBe(true);
          expect(event.execution.status).toBe('completed');
          expect(Object.is(event.execution.response, response)).toBe(true);

          const dict = event.toDict();
          expectJsonRoundTrip(dict);
          if (boxed instanceof Hostile) {
            expect(dict.execution.response).toStrictEqual(HOSTILE_RESPONSES[boxed.name]?.expected);
          }
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a JSON response is kept exactly as JSON would write it',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.jsonValue(), async (response) => {
          const event = createEvent(() => response);
          await event.invoke();
          expect(event.execution.toDict().response).toStrictEqual(
            JSON.parse(JSON.stringify(response)),
          );
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

// ---------------------------------------------------------------------------------------------
// Retryability: trees of errors whose verdict a small model computes independently.

type ErrorModel =
  | { kind: 'declared'; retryable: boolean; library: boolean; overridden: boolean }
  | { kind: 'foreign'; message: string }
  | {
      kind: 'aggregate';
      children: ErrorModel[];
      declared: boolean | undefined;
      selfContaining: boolean;
    };

const errorModelArbitrary: fc.Arbitrary<ErrorModel> = fc.letrec<{ node: ErrorModel }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.record({
      kind: fc.constant('declared' as const),
      retryable: fc.boolean(),
      library: fc.boolean(),
      overridden: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('foreign' as const), message: fc.string({ maxLength: 8 }) }),
    fc.record({
      kind: fc.constant('aggregate' as const),
      children: fc.array(tie('node'), { maxLength: 4 }),
      declared: fc.option(fc.boolean(), { nil: undefined }),
      selfContaining: fc.boolean(),
    }),
  ),
})).node;

function expectedRetryable(model: ErrorModel): boolean {
  switch (model.kind) {
    case 'declared':
      return model.retryable;
    case 'foreign':
      return true;
    case 'aggregate':
      return model.declared ?? model.children.every(expectedRetryable);
  }
}

function build(model: ErrorModel): unknown {
  switch (model.kind) {
    case 'declared':
      if (model.library) {
        const Kind = model.retryable ? ConnectionError : ValidationError;
        // An instance may override the opposite default of its class.
        return !model.overridden
          ? new Kind('library')
          : new (model.retryable ? ValidationError : TimeoutError)('overridden', {
              retryable: model.retryable,
            });
      }
      return Object.assign(new Error('says so itself'), { retryable: model.retryable });
    case 'foreign':
      return new TypeError(model.message);
    case 'aggregate': {
      const aggregate = new AggregateError(model.children.map(build), 'group');
      if (model.selfContaining) (aggregate.errors as unknown[]).push(aggregate);
      if (model.declared !== undefined) {
        Object.assign(aggregate, { retryable: model.declared });
      }
      return aggregate;
    }
  }
}

describe('retryability of any tree of errors', () => {
  it(
    'an aggregate is retryable only if every error inside it is, and a declared verdict is believed',
    () => {
      fc.assert(
        fc.property(errorModelArbitrary, (model) => {
          const error = build(model);
          expect(isRetryable(error)).toBe(expectedRetryable(model));
          expect(explainRetryable(error).retryable).toBe(expectedRetryable(model));
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'the same error reached through two branches is written twice, not cut as a cycle',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 20 }), fc.nat({ max: 5 }), (message, depth) => {
          const shared = new Error(message);
          let branch: unknown = shared;
          for (let level = 0; level < depth; level++) branch = new AggregateError([branch], 'wrap');
          const dict = serializeError(new AggregateError([branch, shared], 'both'));
          const text = JSON.stringify(dict);
          expect(text).not.toContain('Circular reference detected');
          expect(countNodes(dict)).toBe(depth + 3);
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

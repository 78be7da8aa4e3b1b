/**
 * Bad input, as DESIGN.md lists it: anything can be thrown, returned or put in metadata, and
 * the event still ends in a truthful status with bounded, JSON-safe `toDict()` data.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  configureEvents,
  createEvent,
  explainRetryable,
  isRetryable,
  MAX_ERROR_DEPTH,
  MAX_ERROR_NODES,
  MAX_MESSAGE_LENGTH,
  MAX_SERIALIZED_ERROR_LENGTH,
  serializeError,
  UNSERIALIZABLE,
  ValidationError,
  type ErrorDict,
  type Event,
  type EventDefaults,
} from './index.ts';
import { SimpleEvent } from './demo/index.ts';
import {
  CHEAP_HOSTILE_NAMES,
  deepAggregate,
  deepCauseChain,
  everyTrapThrows,
  HOSTILE_RESPONSES,
  HOSTILE_THROWN_VALUES,
  revokedProxy,
  tenMegabytes,
} from '../../tests/support/arbitraries.ts';

const hostileThrownValues = Object.entries(HOSTILE_THROWN_VALUES);

/** `toDict()` of both the execution and the event: no throw, JSON-safe, round-trips. */
function expectSafeDicts(event: Event): ErrorDict | null {
  const executionDict = event.execution.toDict();
  const eventDict = event.toDict();
  expect(JSON.parse(JSON.stringify(eventDict))).toStrictEqual(eventDict);
  expect(eventDict.execution).toStrictEqual(executionDict);
  return executionDict.error;
}

async function failWith(thrown: unknown, how: 'throw' | 'reject'): Promise<Event> {
  const event = createEvent<unknown>(() => {
    if (how === 'throw') throw thrown;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- anything can be thrown: that is the case under test
    return Promise.reject(thrown);
  });
  expect(await event.invoke()).toBeUndefined();
  return event;
}

describe('hostile thrown values', () => {
  it.each(hostileThrownValues)(
    'work that throws %s ends failed, keeps the value, and serializes within the bound',
    async (_name, make) => {
      const thrown = make();
      const event = await failWith(thrown, 'throw');
      expect(event.status).toBe('failed');
      expect(Object.is(event.execution.error, thrown)).toBe(true);
      const error = expectSafeDicts(event);
      expect(error).not.toBeNull();
      expect(typeof error?.error).toBe('string');
      expect(typeof error?.message).toBe('string');
      expect(JSON.stringify(error).length).toBeLessThanOrEqual(MAX_SERIALIZED_ERROR_LENGTH);
    },
  );

  it.each(hostileThrownValues)(
    'work that rejects with %s ends failed with a retryable verdict that follows the rule',
    async (_name, make) => {
      const thrown = make();
      const event = await failWith(thrown, 'reject');
      expect(event.status).toBe('failed');
      expect(typeof event.execution.retryable).toBe('boolean');
      expect(event.execution.retryable).toBe(isRetryable(thrown));
      expect(explainRetryable(thrown).retryable).toBe(event.execution.retryable);
      expectSafeDicts(event);
    },
  );

  it('a 10 MB message is cut to the message limit and says how much was cut', async () => {
    const message = tenMegabytes();
    const event = await failWith(new Error(message), 'throw');
    const error = expectSafeDicts(event);
    expect(error?.message.startsWith('m'.repeat(MAX_MESSAGE_LENGTH))).toBe(true);
    expect(error?.message).toContain(
      `[${String(message.length - MAX_MESSAGE_LENGTH)} more characters]`,
    );
    expect(JSON.stringify(event.toDict()).length).toBeLessThan(MAX_MESSAGE_LENGTH * 2);
  });

  it('a thrown 10 MB string is cut the same way', async () => {
    const event = await failWith(tenMegabytes(), 'throw');
    const error = expectSafeDicts(event);
    expect(error?.error).toBe('string');
    expect(error?.message.length).toBeLessThan(MAX_MESSAGE_LENGTH + 64);
  });

  it('control characters that JSON escapes sixfold still stay under the bound', () => {
    const make = HOSTILE_THROWN_VALUES[
      'errors whose messages are control characters that JSON escapes sixfold'
    ] as () => unknown;
    const length = JSON.stringify(serializeError(make())).length;
    // The case exists to push past the old bound, which ignored escaping.
    expect(length).toBeGreaterThan(MAX_ERROR_NODES * (MAX_MESSAGE_LENGTH * 2));
    expect(length).toBeLessThanOrEqual(MAX_SERIALIZED_ERROR_LENGTH);
  });

  it('an aggregate 5,000 levels deep is cut below depth 100 with the nesting message', () => {
    let node: ErrorDict | undefined = serializeError(deepAggregate(5_000));
    for (let level = 0; level <= MAX_ERROR_DEPTH; level++) node = node?.exceptions?.[0];
    expect(node).toEqual({
      error: 'AggregateError',
      message: `Max nesting depth (${String(MAX_ERROR_DEPTH)}) exceeded`,
      nested_count: 1,
    });
  });

  it('a cause chain 5,000 levels deep is cut below depth 100 as well', () => {
    let node: ErrorDict | undefined = serializeError(deepCauseChain(5_000));
    for (let level = 0; level <= MAX_ERROR_DEPTH; level++) node = node?.cause;
    expect(node?.message).toBe(`Max nesting depth (${String(MAX_ERROR_DEPTH)}) exceeded`);
    expect(node?.cause).toBeUndefined();
  });

  it('a non-retryable error 5,000 aggregates deep makes the whole aggregate non-retryable', () => {
    let current: unknown = new ValidationError('deep down');
    for (let level = 0; level < 5_000; level++) current = new AggregateError([current], 'wrap');
    expect(isRetryable(current)).toBe(false);
    expect(explainRetryable(current).reason).toContain("ValidationError 'deep down'");
  });

  it('two errors that are each other’s cause are cut where the cycle closes', () => {
    const make = HOSTILE_THROWN_VALUES['two errors that are each other’s cause'] as () => unknown;
    const dict = serializeError(make());
    expect(dict.message).toBe('first');
    expect(dict.cause?.message).toBe('second');
    expect(dict.cause?.cause).toEqual({ error: 'Error', message: 'Circular reference detected' });
  });

  it('an aggregate that contains itself is cut there and judged by its other errors', () => {
    const make = HOSTILE_THROWN_VALUES['an aggregate that contains itself'] as () => unknown;
    const aggregate = make();
    const dict = serializeError(aggregate);
    expect(dict.exceptions?.map((child) => child.message)).toEqual([
      'first',
      'Circular reference detected',
    ]);
    expect(isRetryable(aggregate)).toBe(true);
  });

  it('an aggregate of thousands of errors writes at most the node limit and counts the rest', () => {
    const make = HOSTILE_THROWN_VALUES['an aggregate of thousands of wide errors'] as () => unknown;
    const dict = serializeError(make());
    expect(dict.exceptions).toHaveLength(MAX_ERROR_NODES - 1);
    expect(dict.omitted_count).toBe(3_000 - (MAX_ERROR_NODES - 1));
  });

  it('an aggregate claiming a billion errors is judged and written from its first ones only', () => {
    const aggregate = new AggregateError([new TypeError('first')], 'sparse');
    (aggregate.errors as unknown[]).length = 1_000_000_000;
    expect(isRetryable(aggregate)).toBe(true);
    const dict = serializeError(aggregate);
    expect(dict.exceptions?.length).toBeLessThanOrEqual(MAX_ERROR_NODES);
    expect(dict.omitted_count).toBe(1_000_000_000 - (dict.exceptions?.length ?? 0));
  });

  it('an aggregate whose errors cannot be read is written without them and counts as retryable', async () => {
    const make = HOSTILE_THROWN_VALUES[
      'an aggregate whose errors array is a proxy whose every trap throws'
    ] as () => unknown;
    const event = await failWith(make(), 'reject');
    expect(event.execution.retryable).toBe(true);
    expect(expectSafeDicts(event)).toEqual({ error: 'AggregateError', message: 'hidden errors' });
  });

  it('a proxy whose every trap throws is written with stand-in name and message', async () => {
    const event = await failWith(everyTrapThrows(), 'throw');
    const error = expectSafeDicts(event);
    expect(error).toEqual({ error: 'Object', message: expect.any(String) as string });
    expect(event.execution.retryable).toBe(true);
  });

  it('a thrown null is recorded as an error, not as the absence of one', async () => {
    const event = await failWith(null, 'throw');
    expect(event.execution.error).toBeNull();
    expect(expectSafeDicts(event)).toEqual({ error: 'null', message: 'null' });
  });
});

describe('hostile responses', () => {
  it.each(Object.entries(HOSTILE_RESPONSES))(
    'a response that is %s serializes to its plain-data form or "<unserializable>"',
    async (_name, { make, expected }) => {
      const response = make();
      const event = createEvent(() => Promise.resolve(response));
      expect(Object.is(await event.invoke(), response)).toBe(true);
      expect(event.status).toBe('completed');
      expectSafeDicts(event);
      expect(event.execution.toDict().response).toStrictEqual(expected);
    },
  );

  it('a response whose then cannot be read fails the event, as awaiting it would', async () => {
    const proxy = everyTrapThrows();
    const event = createEvent<unknown>(() => proxy);
    expect(await event.invoke()).toBeUndefined();
    expect(event.status).toBe('failed');
    expect((event.execution.error as Error).message).toBe('trap get refused');
    expectSafeDicts(event);
  });

  it('a thenable that both resolves and rejects settles the event once, with the first', async () => {
    const event = createEvent(() => ({
      then(resolve: (value: unknown) => void, reject: (reason: unknown) => void) {
        resolve('first');
        reject(new Error('second'));
        resolve('third');
      },
    }));
    expect(await event.invoke()).toBe('first');
    expect(event.status).toBe('completed');
    expect(event.history.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
  });
});

describe('hostile metadata', () => {
  function hostileMetadata(): Record<string, unknown> {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    return { kept: 'yes', cyclic, big: 5n, proxy: everyTrapThrows(), fn: () => 1 };
  }

  it('metadata holding cycles, BigInts, functions and hostile proxies still serializes, entry by entry', () => {
    const event = new SimpleEvent({ metadata: hostileMetadata() });
    expectSafeDicts(event);
    expect(event.toDict().metadata).toStrictEqual({
      kept: 'yes',
      cyclic: UNSERIALIZABLE,
      big: '5',
      proxy: UNSERIALIZABLE,
      fn: UNSERIALIZABLE,
    });
  });

  it('a fresh copy of an event with hostile metadata keeps its link to the original in toDict', () => {
    const original = new SimpleEvent({ metadata: hostileMetadata() });
    const fresh = original.asFreshEvent({ copyMeta: true });
    expectSafeDicts(fresh);
    expect(fresh.toDict().metadata.original).toEqual({
      id: original.id,
      created_at: original.createdAt.toISOString(),
    });
  });

  it('a metadata entry whose getter throws serializes as "<unserializable>"', () => {
    const event = new SimpleEvent({ metadata: { kept: 1 } });
    Object.defineProperty(event.metadata, 'refuses', {
      enumerable: true,
      get: () => {
        throw new Error('getter refused');
      },
    });
    expectSafeDicts(event);
    expect(event.toDict().metadata).toStrictEqual({ kept: 1, refuses: UNSERIALIZABLE });
  });

  it.each([
    ['a proxy whose every trap throws', () => everyTrapThrows()],
    ['a revoked proxy', () => revokedProxy()],
    [
      'an object whose getter throws',
      () => ({
        get refuses(): never {
          throw new Error('getter refused');
        },
      }),
    ],
  ])('metadata that is %s is refused with a ValidationError', (_name, make) => {
    expect(() => new SimpleEvent({ metadata: make() as Record<string, unknown> })).toThrow(
      ValidationError,
    );
  });
});

describe('hostile subscribers', () => {
  let previous: EventDefaults;
  let reported: unknown[];

  beforeEach(() => {
    reported = [];
    previous = configureEvents({
      onListenerError: (error) => {
        reported.push(error);
      },
    });
  });
  afterEach(() => {
    configureEvents(previous);
  });

  it.each(hostileThrownValues.filter(([name]) => CHEAP_HOSTILE_NAMES.includes(name)))(
    'a subscriber that throws %s is reported and disturbs neither the event nor the others',
    async (_name, make) => {
      const thrown = make();
      const event = new SimpleEvent({ returnValue: 'done' });
      const heardBefore: string[] = [];
      const heardAfter: string[] = [];
      event.subscribe((notification) => {
        if (notification.type === 'transition') heardBefore.push(notification.to);
      });
      event.subscribe(() => {
        throw thrown;
      });
      event.subscribe((notification) => {
        if (notification.type === 'transition') heardAfter.push(notification.to);
      });
      expect(await event.invoke()).toBe('done');
      expect(heardBefore).toEqual(['processing', 'completed']);
      expect(heardAfter).toEqual(['processing', 'completed']);
      expect(reported).toHaveLength(2);
      for (const error of reported) expect(Object.is(error, thrown)).toBe(true);
    },
  );

  it('an error reporter that itself throws does not disturb the event', async () => {
    configureEvents({
      onListenerError: () => {
        throw everyTrapThrows() as unknown;
      },
    });
    const event = new SimpleEvent({ returnValue: 1 });
    event.subscribe(() => {
      throw new Error('listener');
    });
    expect(await event.invoke()).toBe(1);
    expect(event.status).toBe('completed');
  });
});

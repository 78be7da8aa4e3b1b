import { describe, expect, it } from 'vitest';
import { ConnectionError } from './errors/connectionError.ts';
import { ExecutionError } from './errors/executionError.ts';
import { ValidationError } from './errors/validationError.ts';
import { describeValue } from './serialize/describeValue.ts';
import {
  MAX_DETAILS_LENGTH,
  MAX_ERROR_DEPTH,
  MAX_ERROR_NODES,
  MAX_MESSAGE_LENGTH,
  serializeError,
  type ErrorDict,
} from './serialize/serializeError.ts';
import { toJsonSafe, UNSERIALIZABLE } from './serialize/toJsonSafe.ts';
import { Unset } from './unset.ts';

describe('toJsonSafe', () => {
  it('keeps JSON values as they are', () => {
    const value = { a: 1, b: 'two', c: [true, null, { d: 4.5 }] };
    expect(toJsonSafe(value)).toEqual(value);
    expect(toJsonSafe(42)).toBe(42);
    expect(toJsonSafe('text')).toBe('text');
    expect(toJsonSafe(null)).toBeNull();
  });

  it('turns undefined and Unset into null', () => {
    expect(toJsonSafe(undefined)).toBeNull();
    expect(toJsonSafe(Unset)).toBeNull();
  });

  it('writes what JSON.stringify writes for NaN, Infinity and dates', () => {
    expect(toJsonSafe(Number.NaN)).toBeNull();
    expect(toJsonSafe([Number.POSITIVE_INFINITY])).toEqual([null]);
    expect(toJsonSafe(new Date(Date.UTC(2026, 10, 20, 9, 30)))).toBe('2026-11-20T09:30:00.000Z');
  });

  it('drops object keys whose value is undefined or a function', () => {
    expect(toJsonSafe({ a: undefined, b: () => 1, c: 3 })).toEqual({ c: 3 });
  });

  it('converts a Map to an object', () => {
    expect(
      toJsonSafe(
        new Map<string, unknown>([
          ['a', 1],
          ['b', 'two'],
        ]),
      ),
    ).toEqual({ a: 1, b: 'two' });
  });

  it('converts a Set to an array', () => {
    expect(toJsonSafe(new Set([1, 2, 3]))).toEqual([1, 2, 3]);
  });

  it('converts a Map or Set nested in plain data', () => {
    expect(toJsonSafe({ m: new Map([['k', [1]]]), s: new Set(['x']) })).toEqual({
      m: { k: [1] },
      s: ['x'],
    });
  });

  it('converts a bigint to its decimal string', () => {
    expect(toJsonSafe(12345678901234567890n)).toBe('12345678901234567890');
    expect(toJsonSafe({ n: -7n })).toEqual({ n: '-7' });
  });

  it("uses an object's own toDict when the object is not JSON-serializable", () => {
    const value = { id: 9n, toDict: () => ({ id: '9', kind: 'thing' }) };
    expect(toJsonSafe(value)).toEqual({ id: '9', kind: 'thing' });
  });

  it('uses toDict for a library error nested beside a bigint', () => {
    expect(toJsonSafe({ n: 1n, error: new ValidationError('bad') })).toEqual({
      n: '1',
      error: { error: 'ValidationError', message: 'bad', retryable: false },
    });
  });

  it('gives "<unserializable>" for a function or a symbol', () => {
    expect(toJsonSafe(() => 1)).toBe(UNSERIALIZABLE);
    expect(toJsonSafe(Symbol('s'))).toBe('<unserializable>');
  });

  it('gives "<unserializable>" for a cyclic object', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(toJsonSafe(cyclic)).toBe(UNSERIALIZABLE);
  });

  it('gives "<unserializable>" when the toDict conversion throws', () => {
    const value = {
      n: 1n,
      toDict: () => {
        throw new Error('no');
      },
    };
    expect(toJsonSafe(value)).toBe(UNSERIALIZABLE);
  });

  it('gives "<unserializable>" when toJSON throws', () => {
    const value = {
      toJSON: () => {
        throw new Error('no');
      },
    };
    expect(toJsonSafe(value)).toBe(UNSERIALIZABLE);
  });

  it('returns data that survives a JSON round trip unchanged', () => {
    const safe = toJsonSafe({ m: new Map([['a', new Set([1n])]]), u: Unset, d: new Date(0) });
    expect(JSON.parse(JSON.stringify(safe))).toEqual(safe);
  });
});

describe('describeValue', () => {
  it.each([
    [0, '0'],
    [-1, '-1'],
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    ['5', '"5" (a string)'],
    [{}, 'an object'],
    [[1, 2], '[1,2] (an array)'],
    [null, 'null'],
    [undefined, 'undefined'],
    [true, 'true (a boolean)'],
    [3n, '3 (a bigint)'],
  ])('describes %s as %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  it('clips a long string', () => {
    expect(describeValue('y'.repeat(200))).toBe(`"${'y'.repeat(79)}… (a string)`);
  });
});

/** An aggregate `levels` deep: the root is level 0 and the deepest aggregate holds `leaves`. */
function nestedAggregates(levels: number, leaves: unknown[]): AggregateError {
  let node = new AggregateError(leaves, `level ${String(levels)}`);
  for (let level = levels - 1; level >= 0; level--) {
    node = new AggregateError([node], `level ${String(level)}`);
  }
  return node;
}

function descend(dict: ErrorDict, steps: number): ErrorDict {
  let node = dict;
  for (let step = 0; step < steps; step++) {
    const next = node.exceptions?.[0];
    if (next === undefined) throw new Error(`no child at step ${String(step)}`);
    node = next;
  }
  return node;
}

describe('serializeError', () => {
  it('writes a plain error as {error, message}', () => {
    expect(serializeError(new TypeError('type mismatch'))).toStrictEqual({
      error: 'TypeError',
      message: 'type mismatch',
    });
  });

  it('adds retryable to a library error and details only when non-empty', () => {
    expect(serializeError(new ValidationError('bad'))).toStrictEqual({
      error: 'ValidationError',
      message: 'bad',
      retryable: false,
    });
    expect(serializeError(new ConnectionError('reset', { details: { host: 'db' } }))).toStrictEqual(
      { error: 'ConnectionError', message: 'reset', retryable: true, details: { host: 'db' } },
    );
  });

  it.each([
    ['oops', { error: 'string', message: 'oops' }],
    [42, { error: 'number', message: '42' }],
    [undefined, { error: 'undefined', message: 'undefined' }],
    [null, { error: 'null', message: 'null' }],
    [{ code: 1 }, { error: 'Object', message: '{"code":1}' }],
  ])('writes the thrown non-error %s with its kind as the name', (value, expected) => {
    expect(serializeError(value)).toStrictEqual(expected);
  });

  it('writes an aggregate with its errors inside, recursively', () => {
    const group = new AggregateError(
      [new TypeError('a'), new AggregateError([new ValidationError('b')], 'inner')],
      'outer',
    );
    expect(serializeError(group)).toStrictEqual({
      error: 'AggregateError',
      message: 'outer',
      exceptions: [
        { error: 'TypeError', message: 'a' },
        {
          error: 'AggregateError',
          message: 'inner',
          exceptions: [{ error: 'ValidationError', message: 'b', retryable: false }],
        },
      ],
    });
  });

  it(`keeps an aggregate nested exactly ${String(MAX_ERROR_DEPTH)} levels deep`, () => {
    const dict = serializeError(nestedAggregates(101, [new Error('x'), new Error('y')]));
    const atLimit = descend(dict, 100);
    expect(atLimit.message).toBe('level 100');
    expect(atLimit.exceptions).toHaveLength(1);
  });

  it('cuts the first node deeper than 100 levels and counts what it held', () => {
    const dict = serializeError(nestedAggregates(101, [new Error('x'), new Error('y')]));
    expect(descend(dict, 101)).toStrictEqual({
      error: 'AggregateError',
      message: 'Max nesting depth (100) exceeded',
      nested_count: 2,
    });
  });

  it('gives a cut non-aggregate a nested count of zero', () => {
    const dict = serializeError(nestedAggregates(100, [new TypeError('leaf')]));
    expect(descend(dict, 101)).toStrictEqual({
      error: 'TypeError',
      message: 'Max nesting depth (100) exceeded',
      nested_count: 0,
    });
  });

  it('cuts an aggregate that contains itself', () => {
    const group = new AggregateError([new TypeError('a')], 'self');
    (group.errors as unknown[]).push(group);
    expect(serializeError(group)).toStrictEqual({
      error: 'AggregateError',
      message: 'self',
      exceptions: [
        { error: 'TypeError', message: 'a' },
        { error: 'AggregateError', message: 'Circular reference detected' },
      ],
    });
  });

  it('writes the same error reached through two branches twice, not as a cycle', () => {
    const shared = new TypeError('shared');
    const group = new AggregateError([
      new AggregateError([shared], 'left'),
      new AggregateError([shared], 'right'),
    ]);
    const dict = serializeError(group);
    expect(dict.exceptions?.[0]?.exceptions).toStrictEqual([
      { error: 'TypeError', message: 'shared' },
    ]);
    expect(dict.exceptions?.[1]?.exceptions).toStrictEqual([
      { error: 'TypeError', message: 'shared' },
    ]);
    expect(JSON.stringify(dict)).not.toContain('Circular');
  });

  it('writes the same error twice in one aggregate twice', () => {
    const shared = new TypeError('twice');
    expect(serializeError(new AggregateError([shared, shared])).exceptions).toStrictEqual([
      { error: 'TypeError', message: 'twice' },
      { error: 'TypeError', message: 'twice' },
    ]);
  });

  it('follows a cause chain', () => {
    const error = new ExecutionError('top', {
      cause: new Error('middle', { cause: 'root reason' }),
    });
    expect(serializeError(error)).toStrictEqual({
      error: 'ExecutionError',
      message: 'top',
      retryable: true,
      cause: {
        error: 'Error',
        message: 'middle',
        cause: { error: 'string', message: 'root reason' },
      },
    });
  });

  it('cuts a cause chain that loops back', () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    (first as { cause?: unknown }).cause = second;
    expect(serializeError(first)).toStrictEqual({
      error: 'Error',
      message: 'first',
      cause: {
        error: 'Error',
        message: 'second',
        cause: { error: 'Error', message: 'Circular reference detected' },
      },
    });
  });

  it('clips a long message and says how much was cut', () => {
    const dict = serializeError(new Error('m'.repeat(MAX_MESSAGE_LENGTH + 904)));
    expect(dict.message).toBe(`${'m'.repeat(MAX_MESSAGE_LENGTH)}… [904 more characters]`);
  });

  it('keeps a message exactly at the limit whole', () => {
    const message = 'm'.repeat(MAX_MESSAGE_LENGTH);
    expect(serializeError(new Error(message)).message).toBe(message);
  });

  it('replaces details too large to keep with a note', () => {
    const dict = serializeError(
      new ExecutionError('x', { details: { blob: 'b'.repeat(MAX_DETAILS_LENGTH) } }),
    );
    expect(dict.details).toEqual({
      omitted: `details too large or not an object (${String(MAX_DETAILS_LENGTH + 11)} characters)`,
    });
  });

  it('writes at most MAX_ERROR_NODES nodes and counts the rest', () => {
    const group = new AggregateError(
      Array.from({ length: 300 }, (_, index) => new Error(String(index))),
    );
    const dict = serializeError(group);
    expect(dict.exceptions).toHaveLength(MAX_ERROR_NODES - 1);
    expect(dict.omitted_count).toBe(300 - (MAX_ERROR_NODES - 1));
  });

  it('returns JSON-safe data', () => {
    const error = new ExecutionError('x', { details: { n: 1n, m: new Map([['a', 1]]) } });
    const dict = serializeError(new AggregateError([error], 'g'));
    expect(JSON.parse(JSON.stringify(dict))).toEqual(dict);
  });
});

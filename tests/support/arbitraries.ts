/**
 * Test-only building blocks for property-based tests of the event core: run settings read
 * from the environment, hostile values, and fast-check arbitraries for thrown values,
 * responses and timeouts. Free of any test-runner import so every suite can reuse it.
 */
import fc from 'fast-check';
import { ConnectionError } from '../../src/lib/errors/connectionError';
import { ExecutionError } from '../../src/lib/errors/executionError';
import type { LionherdError } from '../../src/lib/errors/lionherdError';
import { NotFoundError } from '../../src/lib/errors/notFoundError';
import { TimeoutError } from '../../src/lib/errors/timeoutError';
import { ValidationError } from '../../src/lib/errors/validationError';

type Environment = Record<string, string | undefined>;

/** `process.env` where there is one; read through `globalThis` so browsers type-check too. */
function environment(): Environment {
  return (globalThis as { process?: { env?: Environment } }).process?.env ?? {};
}

/** How many runs, from which seed: what every `fc.assert` in the property suites receives. */
export interface PropertyRunSettings {
  numRuns: number;
  seed: number;
  /** Replays one shrunk counterexample when set (fast-check prints it on failure). */
  path?: string;
}

/** Runs per property when `FC_NUM_RUNS` is not set. */
export const DEFAULT_NUM_RUNS = 1_000;

/**
 * `FC_NUM_RUNS` (default 1,000) and `FC_SEED` (default: a fresh seed, logged by the suite so
 * that any run can be replayed with `FC_SEED=<seed>`; add `FC_PATH` to replay one case).
 */
export function propertyRunSettings(): PropertyRunSettings {
  const env = environment();
  const numRuns = parseWholeNumber(env.FC_NUM_RUNS, 'FC_NUM_RUNS') ?? DEFAULT_NUM_RUNS;
  const seed =
    parseWholeNumber(env.FC_SEED, 'FC_SEED') ?? (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
  const settings: PropertyRunSettings = { numRuns, seed };
  if (env.FC_PATH !== undefined && env.FC_PATH !== '') settings.path = env.FC_PATH;
  return settings;
}

/** One line for the test log: what ran and how to replay it. */
export function describeRunSettings(suite: string, settings: PropertyRunSettings): string {
  const path = settings.path === undefined ? '' : ` FC_PATH=${settings.path}`;
  return `[${suite}] fast-check numRuns=${String(settings.numRuns)} seed=${String(settings.seed)} (replay: FC_SEED=${String(settings.seed)}${path})`;
}

function parseWholeNumber(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new Error(`${name} must be a whole number, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** A proxy on which every operation throws, even `typeof`-free ones like `Array.isArray`'s reads. */
export function everyTrapThrows(target: object = {}): object {
  const handler = new Proxy(
    {},
    {
      get: (_handler, trap) => () => {
        throw new Error(`trap ${String(trap)} refused`);
      },
    },
  );
  return new Proxy(target, handler);
}

/** A proxy that has been revoked: every operation on it throws a `TypeError`. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An `AggregateError` nested `depth` levels deep, built without recursion. */
export function deepAggregate(depth: number): AggregateError {
  let current = new AggregateError([new Error('the innermost error')], 'level 0');
  for (let level = 1; level < depth; level++) {
    current = new AggregateError([current], `level ${String(level)}`);
  }
  return current;
}

/** An error whose `cause` chain is `depth` long. */
export function deepCauseChain(depth: number): Error {
  let current = new Error('the root cause');
  for (let level = 1; level < depth; level++) {
    current = new Error(`wrapper ${String(level)}`, { cause: current });
  }
  return current;
}

/**
 * Makers of values nobody should throw, each a fresh value per call. Names read as the
 * subject of a sentence, for `it.each` titles.
 */
export const HOSTILE_THROWN_VALUES: Readonly<Record<string, () => unknown>> = {
  undefined: () => undefined,
  null: () => null,
  'an empty string': () => '',
  'a string': () => 'plain words',
  'a number': () => 42,
  NaN: () => Number.NaN,
  'negative zero': () => -0,
  Infinity: () => Number.POSITIVE_INFINITY,
  'a boolean': () => false,
  'a symbol': () => Symbol('thrown'),
  'a BigInt': () => 12345678901234567890n,
  'a function': () =>
    function thrownFunction() {
      return 1;
    },
  'a plain object': () => ({ code: 'E_PLAIN' }),
  'an object without a prototype': () => Object.create(null) as object,
  'a cyclic object': () => {
    const value: Record<string, unknown> = { name: 'Cyclic' };
    value.self = value;
    return value;
  },
  'a cyclic array': () => {
    const value: unknown[] = [1];
    value.push(value);
    return value;
  },
  'a proxy whose every trap throws': () => everyTrapThrows(),
  'a proxy of an error whose every trap throws': () => everyTrapThrows(new Error('hidden')),
  'a revoked proxy': () => revokedProxy(),
  'an error whose message getter throws': () =>
    Object.defineProperty(new Error('hidden'), 'message', {
      get: () => {
        throw new Error('message refused');
      },
    }),
  'an error whose name getter throws': () =>
    Object.defineProperty(new Error('named'), 'name', {
      get: () => {
        throw new Error('name refused');
      },
    }),
  'an error whose name, message, constructor and cause getters all throw': () => {
    const error = new Error('hidden');
    for (const key of ['name', 'message', 'constructor', 'cause', 'errors', 'retryable']) {
      Object.defineProperty(error, key, {
        get: () => {
          throw new Error(`${key} refused`);
        },
      });
    }
    return error;
  },
  'an error with a non-string message and name': () =>
    Object.assign(new Error(), { message: { nested: 1n }, name: 17 }),
  'an error whose retryable getter throws': () =>
    Object.defineProperty(new Error('maybe'), 'retryable', {
      get: () => {
        throw new Error('retryable refused');
      },
    }),
  'an object whose toJSON throws': () => ({
    toJSON: () => {
      throw new Error('toJSON refused');
    },
  }),
  'an aggregate that contains itself': () => {
    const aggregate = new AggregateError([new Error('first')], 'self-containing');
    (aggregate.errors as unknown[]).push(aggregate);
    return aggregate;
  },
  'an aggregate whose errors array is a proxy whose every trap throws': () =>
    Object.defineProperty(new AggregateError([], 'hidden errors'), 'errors', {
      value: everyTrapThrows([]),
    }),
  'an aggregate whose errors array is revoked': () => {
    const { proxy, revoke } = Proxy.revocable<unknown[]>([], {});
    revoke();
    return Object.defineProperty(new AggregateError([], 'revoked errors'), 'errors', {
      value: proxy,
    });
  },
  'an aggregate 5,000 levels deep': () => deepAggregate(5_000),
  'a cause chain 5,000 levels deep': () => deepCauseChain(5_000),
  'an error that is its own cause': () => {
    const error = new Error('ouroboros');
    Object.defineProperty(error, 'cause', { value: error });
    return error;
  },
  'two errors that are each other’s cause': () => {
    const first = new Error('first');
    const second = new Error('second', { cause: first });
    Object.defineProperty(first, 'cause', { value: second });
    return first;
  },
  'an aggregate of thousands of wide errors': () =>
    new AggregateError(
      Array.from({ length: 3_000 }, (_, index) => new Error(`wide ${String(index)}`)),
      'wide',
    ),
  'errors whose messages are control characters that JSON escapes sixfold': () => {
    const message = '\u0001'.repeat(10_000);
    return new AggregateError(
      Array.from({ length: 400 }, () => new ValidationError(message, { details: { message } })),
      message,
    );
  },
  'a library error with hostile details': () => {
    const details: Record<string, unknown> = { big: 1n, fn: () => 1 };
    details.self = details;
    return new ExecutionError('details are hostile', { details });
  },
  'a library error with huge details': () =>
    new ConnectionError('details are huge', { details: { blob: 'x'.repeat(1_000_000) } }),
};

/** A 10 MB message. Built once: it is large. */
let tenMegabyteMessage: string | undefined;
export function tenMegabytes(): string {
  return (tenMegabyteMessage ??= 'm'.repeat(10 * 1024 * 1024));
}

/**
 * Responses that are not plain JSON, with what `toJsonSafe` must make of them. A proxy can
 * be a response only if its `then` can be read: promise resolution reads it first.
 */
export const HOSTILE_RESPONSES: Readonly<
  Record<string, { make: () => unknown; expected: unknown }>
> = {
  'a cyclic object': {
    make: () => {
      const value: Record<string, unknown> = { a: 1 };
      value.self = value;
      return value;
    },
    expected: '<unserializable>',
  },
  'a proxy whose traps throw except then': {
    make: () =>
      new Proxy(
        {},
        {
          get: (_target, key) => {
            if (key === 'then') return undefined;
            throw new Error(`get ${String(key)} refused`);
          },
          ownKeys: () => {
            throw new Error('ownKeys refused');
          },
        },
      ),
    expected: '<unserializable>',
  },
  'a function': { make: () => () => 1, expected: '<unserializable>' },
  'a symbol': { make: () => Symbol('response'), expected: '<unserializable>' },
  'a BigInt': { make: () => 2n ** 70n, expected: '1180591620717411303424' },
  'an object holding a BigInt': { make: () => ({ total: 7n }), expected: { total: '7' } },
  'a Map': { make: () => new Map([['a', 1]]), expected: { a: 1 } },
  'a Set': { make: () => new Set([1, 2]), expected: [1, 2] },
  'NaN and Infinity in an array': {
    make: () => [Number.NaN, Number.POSITIVE_INFINITY],
    expected: [null, null],
  },
  'an object with a toDict': {
    make: () => ({ secret: 1n, toDict: () => ({ shown: true }) }),
    expected: { shown: true },
  },
};

/** Library errors with random messages, details and retryable overrides. */
export const libraryErrorArbitrary: fc.Arbitrary<LionherdError> = fc
  .record({
    kind: fc.constantFrom(
      ValidationError,
      ConnectionError,
      TimeoutError,
      NotFoundError,
      ExecutionError,
    ),
    message: fc.string(),
    retryable: fc.option(fc.boolean(), { nil: undefined }),
    details: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })), {
      nil: undefined,
    }),
  })
  .map(({ kind, message, retryable, details }) => {
    const options: { retryable?: boolean; details?: Record<string, unknown> } = {};
    if (retryable !== undefined) options.retryable = retryable;
    if (details !== undefined) options.details = details;
    return new kind(message, options);
  });

/** Any value JavaScript can produce from data alone: every primitive, containers, dates. */
export const anyValueArbitrary: fc.Arbitrary<unknown> = fc.anything({
  maxDepth: 3,
  maxKeys: 4,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: 'binary',
});

/** Small hostile values cheap enough for every run (the deepest and largest stay out). */
export const CHEAP_HOSTILE_NAMES: readonly string[] = Object.keys(HOSTILE_THROWN_VALUES).filter(
  (name) => !/5,000|thousands|sixfold|huge/.test(name),
);

/**
 * A hostile value in a box. fast-check itself inspects generated values (`cloneMethod in
 * value`), which a proxy whose traps throw does not survive, so hostile values travel boxed
 * and are taken out with {@link unbox} where the code under test receives them.
 */
export class Hostile {
  constructor(
    readonly name: string,
    readonly value: unknown,
  ) {}

  [fc.toStringMethod](): string {
    return `hostile(${this.name})`;
  }
}

/** The value itself, out of its {@link Hostile} box if it has one. */
export function unbox(value: unknown): unknown {
  return value instanceof Hostile ? value.value : value;
}

/** One of the cheap hostile thrown values, made fresh and boxed. */
export const hostileValueArbitrary: fc.Arbitrary<Hostile> = fc
  .constantFrom(...CHEAP_HOSTILE_NAMES)
  .map((name) => new Hostile(name, HOSTILE_THROWN_VALUES[name]?.()));

/** Errors with random names, messages, causes and nesting; hostile leaves come boxed. */
export const errorTreeArbitrary: fc.Arbitrary<unknown> = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    libraryErrorArbitrary,
    fc.string().map((message) => new Error(message)),
    fc.string().map((message) => new TypeError(message)),
    anyValueArbitrary,
    hostileValueArbitrary,
    fc
      .record({ children: fc.array(tie('tree'), { maxLength: 4 }), message: fc.string() })
      .map(({ children, message }) => new AggregateError(children.map(unbox), message)),
    fc
      .record({ cause: tie('tree'), message: fc.string() })
      .map(({ cause, message }) => new Error(message, { cause: unbox(cause) })),
  ),
})).tree;

/** Anything `_invoke` might throw: plain values, real errors, error trees, boxed hostile values. */
export const thrownValueArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  anyValueArbitrary,
  errorTreeArbitrary,
  hostileValueArbitrary,
);

/** Anything `_invoke` might return: plain data, odd objects, and the boxed hostile responses. */
export const responseArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyValueArbitrary },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(...Object.keys(HOSTILE_RESPONSES))
      .map((name) => new Hostile(name, HOSTILE_RESPONSES[name]?.make())),
  },
);

/**
 * Event timeouts in seconds: none, short ones that race the work, and ones longer than a
 * timer can wait in one go (2^31 - 1 ms, about 24.8 days).
 */
export const timeoutArbitrary: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.double({ min: 0.001, max: 3, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: 2_000_000, max: 1e9, noNaN: true }) },
);

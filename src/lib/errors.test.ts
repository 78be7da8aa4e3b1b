import { describe, expect, it, vi } from 'vitest';
import { CancellationError } from './errors/cancellationError.ts';
import { ConfigurationError } from './errors/configurationError.ts';
import { ConnectionError } from './errors/connectionError.ts';
import { ExecutionError } from './errors/executionError.ts';
import { ExistsError } from './errors/existsError.ts';
import { isLionherdError, LionherdError } from './errors/lionherdError.ts';
import { NotFoundError } from './errors/notFoundError.ts';
import { QueueFullError } from './errors/queueFullError.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import { ValidationError } from './errors/validationError.ts';
import { serializeError } from './serialize/serializeError.ts';

const SUBCLASSES = [
  { ErrorClass: ValidationError, name: 'ValidationError', retryable: false },
  { ErrorClass: ConfigurationError, name: 'ConfigurationError', retryable: false },
  { ErrorClass: ExecutionError, name: 'ExecutionError', retryable: true },
  { ErrorClass: ConnectionError, name: 'ConnectionError', retryable: true },
  { ErrorClass: TimeoutError, name: 'TimeoutError', retryable: true },
  { ErrorClass: NotFoundError, name: 'NotFoundError', retryable: false },
  { ErrorClass: ExistsError, name: 'ExistsError', retryable: false },
  { ErrorClass: QueueFullError, name: 'QueueFullError', retryable: true },
] as const;

describe.each(SUBCLASSES)('$name', ({ ErrorClass, name, retryable }) => {
  it(`is retryable: ${String(retryable)} by default`, () => {
    expect(new ErrorClass('boom').retryable).toBe(retryable);
    expect(ErrorClass.defaultRetryable).toBe(retryable);
  });

  it('takes a per-instance retryable override', () => {
    expect(new ErrorClass('boom', { retryable: !retryable }).retryable).toBe(!retryable);
  });

  it('is an Error and a LionherdError named after its class', () => {
    const error = new ErrorClass('boom');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(LionherdError);
    expect(error.name).toBe(name);
    expect(error.message).toBe('boom');
    expect(isLionherdError(error)).toBe(true);
  });

  it('leaves details out of toDict when there are none', () => {
    expect(new ErrorClass('boom').toDict()).toStrictEqual({
      error: name,
      message: 'boom',
      retryable,
    });
  });

  it('puts non-empty details into toDict', () => {
    const error = new ErrorClass('boom', { details: { host: 'api', port: 443 } });
    expect(error.toDict()).toStrictEqual({
      error: name,
      message: 'boom',
      retryable,
      details: { host: 'api', port: 443 },
    });
  });
});

describe('LionherdError', () => {
  it('is not retryable by default', () => {
    expect(new LionherdError('x').retryable).toBe(false);
  });

  it('has empty details and an empty message when given nothing', () => {
    const error = new LionherdError();
    expect(error.message).toBe('');
    expect(error.details).toEqual({});
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('root');
    expect(new ExecutionError('wrapped', { cause }).cause).toBe(cause);
  });

  it('has no cause property when none was given', () => {
    expect('cause' in new ExecutionError('plain')).toBe(false);
  });

  it('makes details JSON-safe in toDict', () => {
    const error = new ExecutionError('x', { details: { big: 12n, tags: new Set(['a']) } });
    expect(error.toDict().details).toEqual({ big: '12', tags: ['a'] });
  });

  it('has a CancellationError that is retryable by default', () => {
    expect(new CancellationError('stop').retryable).toBe(true);
    expect(new CancellationError('stop').name).toBe('CancellationError');
  });
});

describe('isLionherdError', () => {
  it('is false for plain errors and non-errors', () => {
    expect(isLionherdError(new Error('x'))).toBe(false);
    expect(isLionherdError({ retryable: false, name: 'ValidationError' })).toBe(false);
    expect(isLionherdError('ValidationError')).toBe(false);
    expect(isLionherdError(null)).toBe(false);
  });

  it('recognises an error from a duplicate copy of the package by its brand', async () => {
    vi.resetModules();
    const copy = await import('./errors/validationError.ts');
    const foreign = new copy.ValidationError('from the other copy');
    expect(copy.ValidationError).not.toBe(ValidationError);
    expect(foreign).not.toBeInstanceOf(LionherdError);
    expect(isLionherdError(foreign)).toBe(true);
  });

  it('lets the serializer treat an error from a duplicate copy as a library error', async () => {
    vi.resetModules();
    const copy = await import('./errors/notFoundError.ts');
    const foreign = new copy.NotFoundError('gone', { details: { id: 7 } });
    expect(serializeError(foreign)).toStrictEqual({
      error: 'NotFoundError',
      message: 'gone',
      retryable: false,
      details: { id: 7 },
    });
  });

  it('is false, not a throw, for a proxy whose reads throw', () => {
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no reads');
        },
      },
    );
    expect(isLionherdError(hostile)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { KeyError, ValueError } from './demo/pythonErrors.ts';
import { ConnectionError } from './errors/connectionError.ts';
import { ExecutionError } from './errors/executionError.ts';
import { NotFoundError } from './errors/notFoundError.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import { ValidationError } from './errors/validationError.ts';
import { explainRetryable, isRetryable } from './retryable.ts';

describe('isRetryable', () => {
  it('believes a library error that is not retryable', () => {
    expect(isRetryable(new ValidationError('bad input'))).toBe(false);
  });

  it('believes a library error that is retryable', () => {
    expect(isRetryable(new ConnectionError('reset'))).toBe(true);
  });

  it('believes a per-instance override', () => {
    expect(isRetryable(new ConnectionError('reset', { retryable: false }))).toBe(false);
    expect(isRetryable(new ValidationError('bad', { retryable: true }))).toBe(true);
  });

  it('believes a duck-typed boolean retryable on any object', () => {
    expect(isRetryable({ retryable: false })).toBe(false);
    expect(isRetryable(Object.assign(new Error('x'), { retryable: false }))).toBe(false);
    expect(isRetryable({ retryable: true })).toBe(true);
  });

  it('ignores a retryable that is not a boolean', () => {
    expect(isRetryable({ retryable: 'no' })).toBe(true);
    expect(isRetryable({ retryable: 0 })).toBe(true);
  });

  it('counts a foreign error as retryable', () => {
    expect(isRetryable(new ValueError('Something broke'))).toBe(true);
    expect(isRetryable(new TypeError('type mismatch'))).toBe(true);
  });

  it.each([undefined, null, 'oops', 42, Symbol('s')])(
    'counts the thrown non-error %s as retryable',
    (value) => {
      expect(isRetryable(value)).toBe(true);
    },
  );

  it('counts an object whose retryable getter throws as retryable', () => {
    const value = {
      get retryable(): boolean {
        throw new Error('no');
      },
    };
    expect(isRetryable(value)).toBe(true);
  });

  it('calls an aggregate of retryable errors retryable', () => {
    const group = new AggregateError([
      new ValueError('validation error'),
      new TypeError('type mismatch'),
      new KeyError('missing key'),
    ]);
    expect(isRetryable(group)).toBe(true);
  });

  it('calls an aggregate with one non-retryable error not retryable', () => {
    const group = new AggregateError([new TimeoutError('slow'), new ValidationError('bad')]);
    expect(isRetryable(group)).toBe(false);
  });

  it('looks for non-retryable errors recursively through nested aggregates', () => {
    const inner = new AggregateError([new Error('ok'), new NotFoundError('gone')]);
    const group = new AggregateError([new ConnectionError('reset'), new AggregateError([inner])]);
    expect(isRetryable(group)).toBe(false);
  });

  it('calls an empty aggregate retryable', () => {
    expect(isRetryable(new AggregateError([]))).toBe(true);
  });

  it('judges an aggregate that contains itself by the rest of its errors', () => {
    const good = new AggregateError([new ConnectionError('reset')]);
    (good.errors as unknown[]).push(good);
    const bad = new AggregateError([new ValidationError('bad')]);
    (bad.errors as unknown[]).push(bad);
    expect(isRetryable(good)).toBe(true);
    expect(isRetryable(bad)).toBe(false);
  });

  it('treats an object named AggregateError with an errors array as an aggregate', () => {
    const foreign = { name: 'AggregateError', errors: [new ValidationError('bad')] };
    expect(isRetryable(foreign)).toBe(false);
  });

  it('does not look inside errors of a non-aggregate', () => {
    expect(isRetryable({ name: 'Error', errors: [new ValidationError('bad')] })).toBe(true);
  });
});

describe('explainRetryable', () => {
  it('names the library error that is not retryable', () => {
    expect(explainRetryable(new ValidationError('bad input'))).toEqual({
      retryable: false,
      reason: "not retryable: ValidationError 'bad input' is not retryable",
    });
  });

  it('says a library error that is retryable is retryable', () => {
    expect(explainRetryable(new ConnectionError('reset'))).toEqual({
      retryable: true,
      reason: "retryable: ConnectionError 'reset' is retryable",
    });
  });

  it('says a foreign error counts as retryable because it does not say otherwise', () => {
    expect(explainRetryable(new ValueError('Something broke'))).toEqual({
      retryable: true,
      reason:
        "retryable: ValueError 'Something broke' does not say it is not, so it counts as retryable",
    });
  });

  it('counts the errors inside a retryable aggregate', () => {
    const group = new AggregateError(
      [new ValueError('a'), new TypeError('b'), new KeyError('c')],
      'multiple errors (3 sub-exceptions)',
    );
    expect(explainRetryable(group)).toEqual({
      retryable: true,
      reason:
        "retryable: all 3 errors inside AggregateError 'multiple errors (3 sub-exceptions)' are retryable",
    });
  });

  it('says "1 error" for an aggregate of one', () => {
    expect(explainRetryable(new AggregateError([new Error('x')], 'one')).reason).toBe(
      "retryable: all 1 error inside AggregateError 'one' are retryable",
    );
  });

  it('names the innermost culprit of a nested aggregate', () => {
    const group = new AggregateError([
      new ExecutionError('fine'),
      new AggregateError([new NotFoundError('user 7')]),
    ]);
    expect(explainRetryable(group)).toEqual({
      retryable: false,
      reason: "not retryable: NotFoundError 'user 7' is not retryable",
    });
  });

  it('leaves out the quotes when the message is empty', () => {
    expect(explainRetryable(new ValidationError('')).reason).toBe(
      'not retryable: ValidationError is not retryable',
    );
  });

  it('clips a long message to 80 characters', () => {
    const reason = explainRetryable(new ValidationError('x'.repeat(500))).reason;
    expect(reason).toBe(`not retryable: ValidationError '${'x'.repeat(80)}…' is not retryable`);
  });

  it('names the kind of a thrown non-error', () => {
    expect(explainRetryable('oops').reason).toBe(
      "retryable: string 'oops' does not say it is not, so it counts as retryable",
    );
  });

  it('agrees with isRetryable', () => {
    const values = [
      new ValidationError('a'),
      new TimeoutError('b'),
      new AggregateError([new ValidationError('c')]),
      { retryable: false },
      'text',
    ];
    for (const value of values) {
      expect(explainRetryable(value).retryable).toBe(isRetryable(value));
    }
  });
});

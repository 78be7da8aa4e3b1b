import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ValidationError } from './errors/validationError.ts';
import { TimeoutError } from './errors/timeoutError.ts';
import { Event, type InvokeContext } from './event.ts';
import { createEvent, FunctionEvent, type EventWork } from './functionEvent.ts';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('createEvent', () => {
  it('makes a pending FunctionEvent that runs the function on invoke', async () => {
    const work = vi.fn(() => Promise.resolve(42));
    const event = createEvent(work);
    expect(event).toBeInstanceOf(FunctionEvent);
    expect(event).toBeInstanceOf(Event);
    expect(event.status).toBe('pending');
    expect(work).not.toHaveBeenCalled();
    await expect(event.invoke()).resolves.toBe(42);
    expect(event.status).toBe('completed');
  });

  it('runs the function once however often the event is invoked', async () => {
    const work = vi.fn(() => 'once');
    const event = createEvent(work);
    await Promise.all([event.invoke(), event.invoke()]);
    await event.invoke();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('infers the response type from the function', async () => {
    const event = createEvent(() => Promise.resolve({ name: 'ana' }));
    const user = await event.invoke();
    // A type error here would mean the response type was not inferred.
    const name: string | undefined = user?.name;
    expect(name).toBe('ana');
  });

  it('hands the function a context whose signal aborts on timeout', async () => {
    let seen: InvokeContext | undefined;
    const event = createEvent(
      (ctx) => {
        seen = ctx;
        return new Promise<never>(() => undefined);
      },
      { timeout: 2 },
    );
    void event.invoke();
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen?.signal.aborted).toBe(true);
    expect(seen?.signal.reason).toBeInstanceOf(TimeoutError);
    expect(event.status).toBe('cancelled');
  });

  it('passes the event options on', () => {
    const event = createEvent(() => 1, { timeout: 3, metadata: { kind: 'inline' } });
    expect(event.timeout).toBe(3);
    expect(event.metadata).toEqual({ kind: 'inline' });
  });

  it('fails the event when the function throws', async () => {
    const error = new RangeError('out of range');
    const event = createEvent(() => {
      throw error;
    });
    await expect(event.invoke()).resolves.toBeUndefined();
    expect(event.status).toBe('failed');
    expect(event.execution.error).toBe(error);
  });

  it('fails the event when the function rejects', async () => {
    const event = createEvent(() => Promise.reject(new Error('rejected')));
    await event.invoke();
    expect(event.status).toBe('failed');
    expect((event.execution.error as Error).message).toBe('rejected');
  });

  it.each([undefined, null, 'run', 42, {}])(
    'rejects the work %s with a ValidationError naming it',
    (work) => {
      const create = () => createEvent(work as EventWork<unknown>);
      expect(create).toThrow(ValidationError);
      expect(create).toThrow('work must be a function, got');
    },
  );

  it('names a string work in the error message', () => {
    expect(() => createEvent('run' as unknown as EventWork<unknown>)).toThrow(
      'work must be a function, got "run" (a string)',
    );
  });

  it('rejects invalid event options like any event', () => {
    expect(() => createEvent(() => 1, { timeout: 0 })).toThrow(ValidationError);
  });

  it('gives a fresh copy the same function and options', async () => {
    const work = vi.fn(() => 'again');
    const event = createEvent(work, { timeout: 4 });
    await event.invoke();
    const fresh = event.asFreshEvent();
    expect(fresh).toBeInstanceOf(FunctionEvent);
    expect(fresh.work).toBe(work);
    expect(fresh.timeout).toBe(4);
    await expect(fresh.invoke()).resolves.toBe('again');
    expect(work).toHaveBeenCalledTimes(2);
  });
});

describe('FunctionEvent', () => {
  it('can be constructed directly with the work in its options', async () => {
    const event = new FunctionEvent({ work: () => 'direct', metadata: { via: 'class' } });
    await expect(event.invoke()).resolves.toBe('direct');
    expect(event.metadata).toEqual({ via: 'class' });
  });
});

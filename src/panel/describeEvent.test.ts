import { describe, expect, it } from 'vitest';
import { SimpleEvent } from '../lib/demo/index.ts';
import { ConnectionError } from '../lib/errors/connectionError.ts';
import { ValidationError } from '../lib/errors/validationError.ts';
import { createEvent } from '../lib/functionEvent.ts';
import { describeEvent } from './describeEvent.ts';

describe('describeEvent', () => {
  it('names an event by its metadata label, else by its class', () => {
    expect(describeEvent(new SimpleEvent()).label).toBe('SimpleEvent');
    expect(describeEvent(createEvent(() => 1, { metadata: { label: 'load cart' } })).label).toBe(
      'load cart',
    );
  });

  it('shows a completed event with its duration and nothing to retry', async () => {
    const event = createEvent(() => 42);
    await event.invoke();
    const entry = describeEvent(event);
    expect(entry).toMatchObject({
      status: 'completed',
      error: null,
      verdict: null,
      canRetry: false,
    });
    expect(entry.duration).toBeGreaterThanOrEqual(0);
    expect(entry.dict).toEqual(event.toDict());
  });

  it('shows a failure with its message and retryable verdict, and offers a retry', async () => {
    const refused = createEvent(() => {
      throw new ValidationError('bad input');
    });
    const dropped = createEvent(() => {
      throw new ConnectionError('reset');
    });
    await Promise.all([refused.invoke(), dropped.invoke()]);
    expect(describeEvent(refused)).toMatchObject({
      status: 'failed',
      error: 'ValidationError: bad input',
      verdict: "not retryable: ValidationError 'bad input' is not retryable",
      canRetry: true,
    });
    expect(describeEvent(dropped).verdict).toMatch(/^retryable/);
  });

  it('offers a retry for a cancelled event and none for a pending one', () => {
    const event = createEvent(() => 1);
    expect(describeEvent(event)).toMatchObject({
      status: 'pending',
      duration: null,
      canRetry: false,
    });
    event.cancel('user left');
    expect(describeEvent(event)).toMatchObject({ status: 'cancelled', canRetry: true });
  });
});

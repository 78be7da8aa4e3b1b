import { describe, expect, it, vi } from 'vitest';
import { configureEvents } from './config.ts';
import { watchEventCreation } from './creation.ts';
import { SimpleEvent } from './demo/index.ts';
import { createEvent } from './functionEvent.ts';

describe('watchEventCreation', () => {
  it('hears every event created while it watches, of any class', () => {
    const seen: string[] = [];
    const stop = watchEventCreation((event) => seen.push(event.id));
    const a = createEvent(() => 1);
    const b = new SimpleEvent();
    stop();
    createEvent(() => 2);

    expect(seen).toEqual([a.id, b.id]);
  });

  it('reports a listener that throws and still creates the event', () => {
    const reported: unknown[] = [];
    const previous = configureEvents({ onListenerError: (error) => reported.push(error) });
    const other = vi.fn();
    const stopThrowing = watchEventCreation(() => {
      throw new Error('listener broke');
    });
    const stopOther = watchEventCreation(other);
    try {
      const event = createEvent(() => 1);
      expect(event.status).toBe('pending');
      expect(other).toHaveBeenCalledWith(event);
      expect(reported).toEqual([new Error('listener broke')]);
    } finally {
      stopThrowing();
      stopOther();
      configureEvents(previous);
    }
  });
});

import { describe, expect, it, vi } from 'vitest';
import { watchEventCreation, type CreationListener } from '../lib/creation.ts';
import { ValidationError } from '../lib/errors/validationError.ts';
import { createEvent } from '../lib/functionEvent.ts';
import { createEventFeed, DEFAULT_MAX_EVENTS, type EventFeedOptions } from './eventFeed.ts';

/** Frames that run only when the test says so. */
function manualFrames() {
  const queued = new Set<() => void>();
  return {
    scheduleFrame: (callback: () => void) => {
      queued.add(callback);
      return () => {
        queued.delete(callback);
      };
    },
    get pending() {
      return queued.size;
    },
    flush() {
      const callbacks = [...queued];
      queued.clear();
      for (const callback of callbacks) callback();
    },
  };
}

/** The core's creation hook, counting how many watchers the feed holds on it. */
function countedWatch() {
  let active = 0;
  const watch = vi.fn((listener: CreationListener) => {
    active += 1;
    const stop = watchEventCreation(listener);
    return () => {
      active -= 1;
      stop();
    };
  });
  return {
    watch,
    get active() {
      return active;
    },
  };
}

function setup(options: Omit<EventFeedOptions, 'scheduleFrame' | 'watch'> = {}) {
  const frames = manualFrames();
  const hook = countedWatch();
  const feed = createEventFeed({
    ...options,
    scheduleFrame: frames.scheduleFrame,
    watch: hook.watch,
  });
  const published = vi.fn();
  return { feed, frames, hook, published };
}

describe('createEventFeed', () => {
  it('watches nothing until someone listens, and stops when the last listener leaves', () => {
    const { feed, frames, hook, published } = setup();
    createEvent(() => 'before');
    expect(hook.watch).not.toHaveBeenCalled();

    const stopA = feed.subscribe(published);
    const stopB = feed.subscribe(vi.fn());
    expect(hook.active).toBe(1);
    stopA();
    expect(hook.active).toBe(1);
    stopB();
    expect(hook.active).toBe(0);

    createEvent(() => 'after');
    expect(frames.pending).toBe(0);
    expect(feed.getSnapshot().entries).toEqual([]);
  });

  it('stops listening to the events it kept when the last listener leaves', async () => {
    const { feed, frames, published } = setup();
    const stop = feed.subscribe(published);
    const event = createEvent(() => 'late');
    frames.flush();
    stop();

    await event.invoke();
    expect(frames.pending).toBe(0);
    expect(published).toHaveBeenCalledTimes(1);
    expect(feed.getSnapshot().entries).toEqual([]);
  });

  it('publishes a burst of creations and transitions once per frame', async () => {
    const { feed, frames, published } = setup();
    feed.subscribe(published);
    const events = Array.from({ length: 50 }, (_, index) => createEvent(() => index));
    await Promise.all(events.map((event) => event.invoke()));
    expect(published).not.toHaveBeenCalled();
    expect(frames.pending).toBe(1);

    frames.flush();
    expect(published).toHaveBeenCalledTimes(1);
    const { entries } = feed.getSnapshot();
    expect(entries).toHaveLength(50);
    expect(entries.every((entry) => entry.status === 'completed')).toBe(true);
  });

  it('keeps at most maxEvents, newest first, and counts the oldest it dropped', () => {
    const { feed, frames, published } = setup({ maxEvents: 3 });
    feed.subscribe(published);
    const events = Array.from({ length: 5 }, (_, index) =>
      createEvent(() => index, { metadata: { label: `event ${String(index)}` } }),
    );
    frames.flush();

    const snapshot = feed.getSnapshot();
    expect(snapshot.entries.map((entry) => entry.label)).toEqual(['event 4', 'event 3', 'event 2']);
    expect(snapshot.entries.map((entry) => entry.event)).toEqual(events.slice(2).reverse());
    expect(snapshot.dropped).toBe(2);
  });

  it('lets go of a dropped event: its later transitions publish nothing', async () => {
    const { feed, frames, published } = setup({ maxEvents: 1 });
    feed.subscribe(published);
    const dropped = createEvent(() => 'first');
    createEvent(() => 'second');
    frames.flush();

    await dropped.invoke();
    expect(frames.pending).toBe(0);
    expect(feed.getSnapshot().dropped).toBe(1);
  });

  it('bounds the list by default', () => {
    const { feed, frames, published } = setup();
    feed.subscribe(published);
    for (let index = 0; index < DEFAULT_MAX_EVENTS + 10; index += 1) createEvent(() => index);
    frames.flush();
    expect(feed.getSnapshot().entries).toHaveLength(DEFAULT_MAX_EVENTS);
    expect(feed.getSnapshot().dropped).toBe(10);
  });

  it('hands out a new entry only for an event that changed', async () => {
    const { feed, frames, published } = setup();
    feed.subscribe(published);
    const still = createEvent(() => 'still');
    const moving = createEvent(() => 'moving');
    frames.flush();
    const [movingBefore, stillBefore] = feed.getSnapshot().entries;

    await moving.invoke();
    frames.flush();
    const [movingAfter, stillAfter] = feed.getSnapshot().entries;
    expect(stillAfter).toBe(stillBefore);
    expect(stillAfter?.event).toBe(still);
    expect(movingAfter).not.toBe(movingBefore);
    expect(movingAfter?.status).toBe('completed');
  });

  it('lists only the events the filter accepts', () => {
    const { feed, frames, published } = setup({
      filter: (event) => event.metadata.label === 'wanted',
    });
    feed.subscribe(published);
    createEvent(() => 1, { metadata: { label: 'wanted' } });
    createEvent(() => 2, { metadata: { label: 'noise' } });
    feed.setFilter(undefined);
    createEvent(() => 3);
    frames.flush();
    expect(feed.getSnapshot().entries.map((entry) => entry.label)).toEqual([
      'FunctionEvent',
      'wanted',
    ]);
  });

  it('forgets everything on clear and tells its listeners', () => {
    const { feed, frames, published } = setup({ maxEvents: 1 });
    feed.subscribe(published);
    createEvent(() => 1);
    createEvent(() => 2);
    frames.flush();
    feed.clear();
    expect(published).toHaveBeenCalledTimes(2);
    expect(feed.getSnapshot()).toEqual({ entries: [], dropped: 0 });
    createEvent(() => 3);
    frames.flush();
    expect(feed.getSnapshot().entries).toHaveLength(1);
  });

  it('refuses a maxEvents that is not a positive integer', () => {
    for (const maxEvents of [0, -1, 1.5, Number.NaN]) {
      expect(() => createEventFeed({ maxEvents })).toThrow(ValidationError);
    }
  });
});

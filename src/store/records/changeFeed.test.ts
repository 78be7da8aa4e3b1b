import { describe, expect, test } from 'vitest';
import { createChangeFeed } from './changeFeed';

describe('the records’ change feed', () => {
  test('tells the ids touched after a version, across commits', () => {
    const feed = createChangeFeed();
    feed.note(1, ['a']);
    feed.note(2, ['b', 'a']);
    feed.note(3, ['c']);
    expect([...(feed.since(1) ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect([...(feed.since(2) ?? [])]).toEqual(['c']);
    expect(feed.since(3)?.size).toBe(0);
    expect(feed.since(4)).toBeUndefined();
  });

  test('does not know what a clear, or a past beyond its bound, changed', () => {
    const feed = createChangeFeed(3);
    feed.note(1, ['a']);
    feed.note(2, ['b', 'c']);
    expect(feed.since(0)?.size).toBe(3);
    feed.note(3, ['d']);
    expect(feed.since(0)).toBeUndefined();
    expect([...(feed.since(1) ?? [])].sort()).toEqual(['b', 'c', 'd']);
    feed.note(4, 'all');
    expect(feed.since(3)).toBeUndefined();
    feed.note(5, ['e']);
    expect([...(feed.since(4) ?? [])]).toEqual(['e']);
  });
});

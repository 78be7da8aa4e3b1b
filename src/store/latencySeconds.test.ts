import { describe, expect, test } from 'vitest';
import type { Event } from '../lib';
import { HttpEvent } from '../lib/demo';
import { checkLaunch } from './launchChecks';
import { latencySecondsToMs } from './latencySeconds';

describe('HTTP latency in seconds', () => {
  test('seconds become the whole milliseconds the endpoint waits', () => {
    expect(latencySecondsToMs(0)).toBe(0);
    expect(latencySecondsToMs(1)).toBe(1000);
    expect(latencySecondsToMs(1.5)).toBe(1500);
    expect(latencySecondsToMs(0.05)).toBe(50);
    expect(latencySecondsToMs(1.2345)).toBe(1235);
    expect(latencySecondsToMs(0.0004)).toBe(0);
    expect(latencySecondsToMs(60)).toBe(60_000);
  });

  test('a launch with 0.25 s latency asks the endpoint for 250 ms', () => {
    const checked = checkLaunch('http', { latency: '0.25' }, 1);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.params.latency).toBe(0.25);
    expect(urlOf(checked.create({}))).toContain('latency=250');
  });

  test('the default latency is one second', () => {
    const checked = checkLaunch('http', {}, 1);
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    expect(checked.params.latency).toBe(1);
    expect(urlOf(checked.create({}))).toContain('latency=1000');
  });

  test('a latency over a minute is refused in seconds', () => {
    const checked = checkLaunch('http', { latency: 61 }, 1);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.issues).toEqual([
      { field: 'latency', message: 'latency must be between 0 and 60 seconds' },
    ]);
  });
});

function urlOf(event: Event): string {
  if (!(event instanceof HttpEvent)) throw new Error('expected an HttpEvent');
  return event.url;
}

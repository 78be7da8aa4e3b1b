import { describe, expect, it } from 'vitest';
import { unreachableMessage } from './unreachableMessage.ts';

const BASE = 'http://127.0.0.1:4321/api/bridge';
const failedToFetch = new TypeError('Failed to fetch');

describe('unreachableMessage', () => {
  it('in Node, says only why the request failed, with its cause', () => {
    const error = new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') });
    expect(unreachableMessage(BASE, error, { runtime: 'node', origin: null })).toBe(
      `the receiver at ${BASE} cannot be reached: fetch failed (connect ECONNREFUSED)`,
    );
  });

  it('in a page on another origin, names the --allow-origin the receiver needs', () => {
    expect(
      unreachableMessage(BASE, failedToFetch, { runtime: 'browser', origin: 'https://shop.test' }),
    ).toBe(
      `the receiver at ${BASE} cannot be reached: Failed to fetch. This page (https://shop.test) is not on the dashboard's origin (http://127.0.0.1:4321): the receiver must be started with --allow-origin https://shop.test`,
    );
  });

  it('in a page whose origin is unknown, says what to allow in general terms', () => {
    expect(unreachableMessage(BASE, failedToFetch, { runtime: 'browser', origin: null })).toMatch(
      /If this page is not on the dashboard's origin \(http:\/\/127\.0\.0\.1:4321\), the receiver must be started with --allow-origin <this page's origin>$/,
    );
  });

  it("adds no hint on the dashboard's own origin, nor for errors that are not fetch's", () => {
    const sameOrigin = { runtime: 'browser', origin: 'http://127.0.0.1:4321' } as const;
    expect(unreachableMessage(BASE, failedToFetch, sameOrigin)).toBe(
      `the receiver at ${BASE} cannot be reached: Failed to fetch`,
    );
    const elsewhere = { runtime: 'browser', origin: 'https://shop.test' } as const;
    expect(unreachableMessage(BASE, new Error('boom'), elsewhere)).toBe(
      `the receiver at ${BASE} cannot be reached: boom`,
    );
  });
});

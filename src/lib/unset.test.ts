import { describe, expect, it } from 'vitest';
import { toJsonSafe } from './serialize/toJsonSafe.ts';
import { isUnset, Unset } from './unset.ts';

describe('Unset', () => {
  it('prints as "Unset"', () => {
    expect(String(Unset)).toBe('Unset');
  });

  it('is recognised by identity only', () => {
    expect(isUnset(Unset)).toBe(true);
    expect(isUnset({ toString: () => 'Unset', toJSON: () => null })).toBe(false);
  });

  it('is distinct from null and undefined', () => {
    expect(isUnset(null)).toBe(false);
    expect(isUnset(undefined)).toBe(false);
    expect(Unset).not.toBeNull();
    expect(Unset).not.toBeUndefined();
  });

  it('serializes to null with JSON.stringify', () => {
    expect(JSON.stringify({ response: Unset })).toBe('{"response":null}');
    expect(JSON.stringify([Unset])).toBe('[null]');
  });

  it('serializes to null with toJsonSafe, alone or nested', () => {
    expect(toJsonSafe(Unset)).toBeNull();
    expect(toJsonSafe({ a: Unset, b: [Unset, 1n] })).toEqual({ a: null, b: [null, '1'] });
  });

  it('cannot be modified', () => {
    expect(Object.isFrozen(Unset)).toBe(true);
  });
});

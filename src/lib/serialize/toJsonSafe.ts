import { Unset } from '../unset.ts';
import { copyPlainJson, NOT_PLAIN } from './copyPlainJson.ts';
import { describeValue } from './describeValue.ts';

/** Any value that `JSON.stringify` writes and `JSON.parse` reads back unchanged. */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a value with no JSON form and no plain-data conversion serializes to. */
export const UNSERIALIZABLE = '<unserializable>';

/**
 * Converts any value to JSON-safe data without throwing:
 * 1. the value itself when it is JSON-serializable (`undefined` and {@link Unset} become `null`);
 * 2. otherwise a plain-data conversion when one exists: `Map` → object, `Set` → array,
 *    `bigint` → decimal string, an object's own `toDict()`;
 * 3. otherwise the string `"<unserializable>"` (functions, symbols, cycles, hostile proxies).
 *
 * The result is normalised through a JSON round trip, so `NaN` becomes `null` and a `Date`
 * its ISO string, exactly as `JSON.stringify` would write them.
 */
export function toJsonSafe(value: unknown): JsonValue {
  if (value === undefined || value === Unset) return null;
  try {
    // Plain data, the common case, is copied without the round trip's text.
    const copy = copyPlainJson(value);
    if (copy !== NOT_PLAIN) return copy;
  } catch {
    // A getter or a proxy that throws: the round trip below decides.
  }
  try {
    const text = JSON.stringify(value, refuseLossyCollections) as string | undefined;
    if (text !== undefined) return JSON.parse(text) as JsonValue;
  } catch {
    // Not JSON-serializable as it is: try the plain-data conversion below.
  }
  try {
    const text = JSON.stringify(value, toPlainData) as string | undefined;
    if (text !== undefined) return JSON.parse(text) as JsonValue;
  } catch {
    // No conversion works either.
  }
  return UNSERIALIZABLE;
}

/**
 * `JSON.stringify` writes a `Map` or `Set` as `{}` without complaint, losing its contents, so
 * a value holding one is not JSON-serializable as it is and takes the conversion instead.
 */
function refuseLossyCollections(_key: string, value: unknown): unknown {
  if (value instanceof Map || value instanceof Set) throw new TypeError('Map or Set');
  return value;
}

function toPlainData(this: unknown, _key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === Unset) return null;
  if (value instanceof Map) {
    return Object.fromEntries(Array.from(value, ([key, entry]) => [mapKey(key), entry]));
  }
  if (value instanceof Set) return [...(value as Set<unknown>)];
  if (typeof value === 'object' && value !== null && 'toDict' in value) {
    const toDict: unknown = value.toDict;
    if (typeof toDict === 'function') return (toDict as () => unknown).call(value);
  }
  return value;
}

/** A Map key as an object key; keys that cannot become strings are described instead. */
function mapKey(key: unknown): string {
  if (typeof key === 'string') return key;
  try {
    return String(key);
  } catch {
    return describeValue(key);
  }
}

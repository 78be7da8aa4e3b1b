import type { JsonValue } from './toJsonSafe.ts';

/** Returned by {@link copyPlainJson} for a value a JSON round trip could change. */
export const NOT_PLAIN: unique symbol = Symbol('not plain JSON');

/** Deeper than this, the JSON round trip decides. */
const MAX_DEPTH = 64;

/**
 * A deep copy of `value` when it is plain JSON data already, equal to what
 * `JSON.parse(JSON.stringify(value))` returns, or {@link NOT_PLAIN} when the round trip could
 * differ from a copy: anything but `{…}`/`Object.create(null)` objects, arrays without holes,
 * strings, finite numbers, booleans and `null` (a `toJSON`, a `Map`, a `Date`, `NaN`, `-0`, a
 * `__proto__` key, an `undefined` array item, a cycle …) is left to the round trip. An object
 * entry that is `undefined` is left out, as `JSON.stringify` leaves it out. Walking the value
 * costs far less than writing and reading it back, and most records are small and plain.
 */
export function copyPlainJson(value: unknown): JsonValue | typeof NOT_PLAIN {
  return copy(value, []);
}

function copy(value: unknown, ancestors: object[]): JsonValue | typeof NOT_PLAIN {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : NOT_PLAIN;
    case 'object':
      if (value === null) return null;
      if (ancestors.length >= MAX_DEPTH || ancestors.includes(value)) return NOT_PLAIN;
      return Array.isArray(value) ? copyArray(value, ancestors) : copyObject(value, ancestors);
    default:
      return NOT_PLAIN;
  }
}

function copyArray(array: unknown[], ancestors: object[]): JsonValue[] | typeof NOT_PLAIN {
  if (Object.getPrototypeOf(array) !== Array.prototype || 'toJSON' in array) return NOT_PLAIN;
  const result: JsonValue[] = [];
  ancestors.push(array);
  for (let index = 0; index < array.length; index++) {
    const item = index in array ? copy(array[index], ancestors) : NOT_PLAIN;
    if (item === NOT_PLAIN) return NOT_PLAIN;
    result.push(item);
  }
  ancestors.pop();
  return result;
}

function copyObject(
  object: object,
  ancestors: object[],
): Record<string, JsonValue> | typeof NOT_PLAIN {
  const prototype: unknown = Object.getPrototypeOf(object);
  if ((prototype !== Object.prototype && prototype !== null) || 'toJSON' in object) {
    return NOT_PLAIN;
  }
  const result: Record<string, JsonValue> = {};
  ancestors.push(object);
  for (const key of Object.keys(object)) {
    if (key === '__proto__') return NOT_PLAIN;
    const entry: unknown = (object as Record<string, unknown>)[key];
    if (entry === undefined) continue;
    const item = copy(entry, ancestors);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    result[key] = item;
  }
  ancestors.pop();
  return result;
}

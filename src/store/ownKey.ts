/**
 * Lookups in the store's id-keyed objects (`records`, `retryRuns`) that treat every id as
 * data. A plain `obj[id]` reads `Object.prototype` for ids like `constructor` or `toString`
 * (a phantom record or retry run), `id in obj` says they are there, and `obj['__proto__'] =`
 * replaces the prototype instead of adding an entry.
 */

/** The entry `key` of `object` itself, never one it inherits. */
export function getOwn<T>(object: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Adds or replaces the entry `key`, `__proto__` included, as an ordinary property. */
export function setOwn<T>(object: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') {
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    object[key] = value;
  }
}

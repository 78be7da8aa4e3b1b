/**
 * The Python built-in errors the lionherd notebook raises, so the demos print the same
 * names and messages (`ValueError: Something broke`).
 */
export class ValueError extends Error {
  override readonly name: string = 'ValueError';
}

/** Python's `KeyError`, whose message keeps its quotes: `'missing key'`. */
export class KeyError extends Error {
  override readonly name: string = 'KeyError';
  constructor(key: string) {
    super(`'${key}'`);
  }
}

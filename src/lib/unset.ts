/**
 * The "no value available" sentinel, distinct from `null` (a real null result) and from
 * `undefined`. Recognise it by identity and serialize it as `null`.
 *
 * ```ts
 * event.execution.response === Unset; // nothing produced yet
 * String(Unset); // 'Unset'
 * JSON.stringify({ response: Unset }); // '{"response":null}'
 * ```
 */
export const Unset: UnsetType = Object.freeze({
  toString: () => 'Unset',
  toJSON: () => null,
  [Symbol.toPrimitive]: () => 'Unset',
  [Symbol.for('nodejs.util.inspect.custom')]: () => 'Unset',
}) as unknown as UnsetType;

declare const unsetBrand: unique symbol;

/** The type of the {@link Unset} singleton. */
export interface UnsetType {
  readonly [unsetBrand]: true;
  toString(): 'Unset';
  toJSON(): null;
}

/** A value that may not be available yet. */
export type MaybeUnset<T> = T | UnsetType;

/** `true` when `value` is the {@link Unset} singleton. */
export function isUnset(value: unknown): value is UnsetType {
  return value === Unset;
}

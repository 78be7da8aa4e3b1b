import { toJsonSafe, Unset } from '../../lib';

/**
 * Writes a printed value the way the tour shows it: strings in double quotes, `Unset`, `null`
 * and `undefined` by name, errors as `Name: message`, plain data as indented JSON.
 *
 * ```ts
 * formatValue('done'); // '"done"'
 * formatValue(Unset); // 'Unset'
 * formatValue(new TypeError('type mismatch')); // 'TypeError: type mismatch'
 * ```
 */
export function formatValue(value: unknown): string {
  if (value === Unset) return 'Unset';
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || 'anonymous'}]`;
    default:
      break;
  }
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return JSON.stringify(toJsonSafe(value), null, 2);
}

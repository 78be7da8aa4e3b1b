/** Longest text `describeValue` returns before cutting. */
const MAX_DESCRIPTION_LENGTH = 80;

/**
 * A short, never-throwing description of any value for error messages:
 * `-1`, `NaN`, `"5" (a string)`, `[1,2] (an array)`, `an object`.
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'number':
        return String(value);
      case 'string':
        return `${clip(JSON.stringify(value))} (a string)`;
      case 'bigint':
        return `${value.toString()}n (a bigint)`;
      case 'boolean':
        return `${String(value)} (a boolean)`;
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return `${value.toString()} (a symbol)`;
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        if (Array.isArray(value)) return `${clip(JSON.stringify(value))} (an array)`;
        return 'an object';
    }
  } catch {
    return 'an unreadable value';
  }
}

function clip(text: string | undefined): string {
  if (text === undefined) return '';
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…` : text;
}

/** Longest text `describeValue` returns before cutting. */
const MAX_DESCRIPTION_LENGTH = 80;

/**
 * A short, never-throwing description of any value for error messages:
 * `-1`, `NaN`, `"5" (a string)`, `true (a boolean)`, `[1,2] (an array)`, `an object`.
 */
export function describeValue(value: unknown): string {
  try {
    if (typeof value === 'number' || value === undefined || value === null) return String(value);
    if (typeof value === 'function') return 'a function';
    if (Array.isArray(value)) return `${clip(JSON.stringify(value))} (an array)`;
    if (typeof value === 'object') return 'an object';
    const text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : (value as bigint | boolean | symbol).toString();
    return `${clip(text)} (a ${typeof value})`;
  } catch {
    return 'an unreadable value';
  }
}

function clip(text: string | undefined = ''): string {
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…` : text;
}

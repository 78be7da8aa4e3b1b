import type { JsonValue } from '../lib';

const LOOKS_LIKE_JSON = /^\s*(?:[-\d"{[]|true\s*$|false\s*$|null\s*$)/;

/**
 * A return value typed in a text box: JSON when it parses (`42`, `{"a":1}`, `null`),
 * otherwise the text itself.
 */
export function parseReturnValue(input: string): JsonValue {
  // Bursts parse the same text thousands of times: skip the throw for text that is not JSON.
  if (!LOOKS_LIKE_JSON.test(input)) return input;
  try {
    return JSON.parse(input) as JsonValue;
  } catch {
    return input;
  }
}

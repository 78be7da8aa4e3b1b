/** A UTF-16 surrogate with no partner: a high one not followed by a low one, or the reverse. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `text` with every unpaired UTF-16 surrogate replaced by U+FFFD, so it encodes as valid
 * UTF-8. Python writes such surrogates for file names that are not valid UTF-8, and they
 * reach us through imported lionherd logs. (`String.prototype.toWellFormed`, for runtimes
 * that predate it.)
 */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** A copy of JSON data with {@link toWellFormed} applied to every string, keys included. */
export function toWellFormedJson<T>(value: T): T {
  if (typeof value === 'string') return toWellFormed(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => toWellFormedJson(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [toWellFormed(key), toWellFormedJson(item)]),
    ) as T;
  }
  return value;
}

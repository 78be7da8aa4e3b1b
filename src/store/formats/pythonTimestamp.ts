/** Shared with the bridge receiver, which must accept exactly what the dashboard reads. */
const ISO_WITH_OFFSET =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch milliseconds, with microseconds as the fraction, of an ISO 8601 timestamp that has
 * a UTC offset (`…T09:30:00.157000+00:00`, `…+02:00`, `…Z`); `undefined` for anything else.
 */
export function parsePythonTimestamp(text: string): number | undefined {
  const match = ISO_WITH_OFFSET.exec(text);
  if (match === null) return undefined;
  const [, seconds = '', fraction = '', offset = ''] = match;
  const wholeSeconds = Date.parse(`${seconds}${offset}`);
  if (Number.isNaN(wholeSeconds)) return undefined;
  const micros = Number(fraction.padEnd(6, '0').slice(0, 6));
  return wholeSeconds + micros / 1000;
}

import { yieldToBrowser } from '../yieldToBrowser';

/** How long one slice of writing may run before the browser gets the thread back. */
const SLICE_MS = 12;

export interface SliceOptions {
  /** Stops the writing: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called after each slice with how many items are written. */
  onProgress?: (written: number, total: number) => void;
  /** The clock slices are timed by (`performance.now` by default). */
  now?: () => number;
}

/**
 * Writes `items` as text in slices of about {@link SLICE_MS} ms, yielding to the browser in
 * between, so a history of 100,000 records is written without a long task. Returns the text
 * in parts, ready for `new Blob(parts)`: one string of the whole would be hundreds of MB.
 *
 * ```ts
 * const parts = await writeInSlices(records, (record) => JSON.stringify(record), {
 *   head: '[\n', separator: ',\n', tail: '\n]\n',
 * });
 * ```
 */
export async function writeInSlices<T>(
  items: readonly T[],
  write: (item: T) => string,
  shape: { head: string; separator: string; tail: string },
  options: SliceOptions = {},
): Promise<string[]> {
  const now = options.now ?? (() => performance.now());
  const parts: string[] = [shape.head];
  let index = 0;
  while (index < items.length) {
    options.signal?.throwIfAborted();
    const started = now();
    const slice: string[] = [];
    // At least one item per slice, so progress is made whatever the clock says.
    do {
      const item = items[index] as T;
      slice.push(index === 0 ? write(item) : shape.separator + write(item));
      index += 1;
    } while (index < items.length && now() - started < SLICE_MS);
    parts.push(slice.join(''));
    options.onProgress?.(index, items.length);
    if (index < items.length) await yieldToBrowser();
  }
  options.signal?.throwIfAborted();
  parts.push(shape.tail);
  return parts;
}

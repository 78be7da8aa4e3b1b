/**
 * A list of values sorted by a number key (unique per value), read by position and changed
 * by key. Values sit in blocks of a few hundred, and a change copies only the blocks it
 * touches and the short array of blocks: O(changed × block + blocks), never O(values). The
 * list itself never changes: `with` makes a new one, so a list handed to React stays as it
 * was when it was rendered.
 */
export interface KeyedList<V> {
  readonly length: number;
  /** The value at `index`, or `undefined` outside the list. */
  at(index: number): V | undefined;
  /** Where the value of `key` is, or -1. */
  indexOfKey(key: number): number;
  /** A list with the values of `removed` keys taken out and `added` put in by their keys. */
  with(removed: readonly number[], added: readonly (readonly [number, V])[]): KeyedList<V>;
  /** The values in order (O(values)). */
  values(): V[];
}

interface Block<V> {
  readonly keys: readonly number[];
  readonly values: readonly V[];
}

/** Values a block holds after a split; a block is split when it grows past twice this. */
const BLOCK = 512;

/** A list of `entries`, which must be sorted by key, smallest first, with no key twice. */
export function keyedList<V>(
  entries: readonly (readonly [number, V])[],
  blockSize = BLOCK,
): KeyedList<V> {
  const blocks: Block<V>[] = [];
  for (let start = 0; start < entries.length; start += blockSize) {
    const slice = entries.slice(start, start + blockSize);
    blocks.push({ keys: slice.map(([key]) => key), values: slice.map(([, value]) => value) });
  }
  return listOf(blocks, blockSize);
}

function listOf<V>(blocks: readonly Block<V>[], blockSize: number): KeyedList<V> {
  // Where each block starts, worked out when the list is first read by position.
  let starts: number[] | undefined;
  let length = 0;
  for (const block of blocks) length += block.keys.length;

  const startsOf = (): number[] => {
    if (starts === undefined) {
      starts = [];
      let start = 0;
      for (const block of blocks) {
        starts.push(start);
        start += block.keys.length;
      }
    }
    return starts;
  };

  const list: KeyedList<V> = {
    length,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= length) return undefined;
      const at = startsOf();
      const block = lastAtMost(at, index);
      return blocks[block]?.values[index - (at[block] ?? 0)];
    },
    indexOfKey(key) {
      const block = blockFor(blocks, key);
      const keys = blocks[block]?.keys;
      if (keys === undefined) return -1;
      const within = indexIn(keys, key);
      return within < 0 ? -1 : (startsOf()[block] ?? 0) + within;
    },
    with(removed, added) {
      if (removed.length === 0 && added.length === 0) return list;
      return listOf(changed(blocks, removed, added, blockSize), blockSize);
    },
    values() {
      return blocks.flatMap((block) => block.values);
    },
  };
  return list;
}

/** The blocks after the change: only blocks a key falls in are made anew. */
function changed<V>(
  blocks: readonly Block<V>[],
  removed: readonly number[],
  added: readonly (readonly [number, V])[],
  blockSize: number,
): Block<V>[] {
  const changes = new Map<number, { removed: Set<number>; added: [number, V][] }>();
  const changesOf = (block: number) => {
    let entry = changes.get(block);
    if (entry === undefined) changes.set(block, (entry = { removed: new Set(), added: [] }));
    return entry;
  };
  for (const key of removed) changesOf(blockFor(blocks, key)).removed.add(key);
  for (const [key, value] of added) changesOf(blockFor(blocks, key)).added.push([key, value]);

  const next: Block<V>[] = [];
  for (let index = 0; index < Math.max(blocks.length, 1); index += 1) {
    const block = blocks[index] ?? { keys: [], values: [] };
    const change = changes.get(index);
    if (change === undefined) {
      if (block.keys.length > 0) next.push(block);
      continue;
    }
    const merged = merge(block, change.removed, change.added);
    // Split a block that grew too long; drop one left empty.
    for (let start = 0; start < merged.keys.length; start += blockSize) {
      if (merged.keys.length <= 2 * blockSize) {
        next.push(merged);
        break;
      }
      next.push({
        keys: merged.keys.slice(start, start + blockSize),
        values: merged.values.slice(start, start + blockSize),
      });
    }
  }
  return next;
}

/** `block` without the `removed` keys, with `added` merged in by key. */
function merge<V>(block: Block<V>, removed: ReadonlySet<number>, added: [number, V][]): Block<V> {
  added.sort((a, b) => a[0] - b[0]);
  const kept: [number, V][] = [];
  block.values.forEach((value, index) => {
    const key = block.keys[index] ?? 0;
    if (!removed.has(key)) kept.push([key, value]);
  });
  const keys: number[] = [];
  const values: V[] = [];
  let next = 0;
  const take = (entry: [number, V]): void => {
    keys.push(entry[0]);
    values.push(entry[1]);
  };
  for (const entry of kept) {
    for (let add = added[next]; add !== undefined && add[0] < entry[0]; add = added[next]) {
      take(add);
      next += 1;
    }
    take(entry);
  }
  for (const entry of added.slice(next)) take(entry);
  return { keys, values };
}

/** The block `key` belongs in: the first whose last key is at least `key`, else the last. */
function blockFor<V>(blocks: readonly Block<V>[], key: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const keys = blocks[middle]?.keys ?? [];
    if ((keys[keys.length - 1] ?? -Infinity) < key) low = middle + 1;
    else high = middle;
  }
  return Math.max(low, 0);
}

/** Where `key` is in sorted `keys`, or -1. */
function indexIn(keys: readonly number[], key: number): number {
  let low = 0;
  let high = keys.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const at = keys[middle] ?? 0;
    if (at === key) return middle;
    if (at < key) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The last index of sorted `starts` whose value is at most `value`. */
function lastAtMost(starts: readonly number[], value: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] ?? 0) <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}

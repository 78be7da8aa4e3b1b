import type { BridgeBatch } from './protocol.ts';
import type { TakenUpdate, UpdateBuffer } from './updateBuffer.ts';

/** Most updates taken from the buffer at a time while a batch is filled. */
const MOST_PER_TAKE = 256;

/** One request's worth of updates and its JSON body. */
export interface TakenBatch {
  taken: TakenUpdate[];
  body: string;
}

/**
 * Takes the oldest buffered updates into one `POST /events` body of at most `maxUpdates`
 * updates and `maxChars` characters (one update alone may be larger). Each update is
 * turned into JSON once and the body is cut where it is full, so a busy process never makes
 * snapshots and JSON it then throws away; it takes a few updates at a time, as many as the
 * size of those before says still fit, and puts back the few that did not. `null` when
 * nothing waits.
 */
export function takeBatch(
  buffer: UpdateBuffer,
  envelope: Omit<BridgeBatch, 'updates'>,
  maxUpdates: number,
  maxChars: number,
): TakenBatch | null {
  // `{…,"updates":[]}` without its closing `]}`: the updates go in between.
  const head = JSON.stringify({ ...envelope, updates: [] }).slice(0, -2);
  const parts: string[] = [];
  const taken: TakenUpdate[] = [];
  let size = head.length + 2;
  while (taken.length < maxUpdates) {
    const average = taken.length === 0 ? 0 : (size - head.length - 2) / taken.length;
    const fitting = average === 0 ? 1 : Math.floor((maxChars - size) / average);
    if (fitting < 1) break;
    const chunk = buffer.take(Math.min(fitting, MOST_PER_TAKE, maxUpdates - taken.length));
    if (chunk.length === 0) break;
    let index = 0;
    for (; index < chunk.length; index += 1) {
      const entry = chunk[index];
      if (entry === undefined) break;
      const json = JSON.stringify(entry.update);
      const added = json.length + (parts.length > 0 ? 1 : 0);
      if (parts.length > 0 && size + added > maxChars) break;
      parts.push(json);
      taken.push(entry);
      size += added;
    }
    if (index < chunk.length) {
      buffer.putBack(chunk.slice(index));
      break;
    }
  }
  if (taken.length === 0) return null;
  return { taken, body: `${head}${parts.join(',')}]}` };
}

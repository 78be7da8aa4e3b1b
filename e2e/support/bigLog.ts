import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { makeFailedRecord, makeRecord } from '../../tests/interop/makeRecord.ts';
import type { EventRecord } from '../../src/store/eventRecord.ts';
import { formatLog } from '../../src/store/formats/log.ts';

/** An id shaped like a UUID v4, the same for the same `n`. */
function idOf(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/**
 * `count` records as our export writes them, newest first: completed events and failed ones
 * with an aggregate error, every tenth a fresh attempt of the one before.
 */
export function bigLogRecords(count: number): EventRecord[] {
  const created = Date.parse('2026-11-20T09:30:00.000Z');
  const records: EventRecord[] = [];
  for (let n = count - 1; n >= 0; n -= 1) {
    const id = idOf(n);
    const createdAt = new Date(created + n * 10).toISOString();
    const retry = n % 10 === 1;
    const lineage = retry
      ? { attempt: 2, originalId: idOf(n - 1), chainId: idOf(n - 1) }
      : { chainId: id };
    records.push(
      n % 3 === 0
        ? makeFailedRecord(
            {
              error: 'AggregateError',
              message: `record ${String(n)} failed twice`,
              exceptions: [
                { error: 'ValueError', message: 'bad input', retryable: false },
                { error: 'ConnectionError', message: 'refused', retryable: true },
              ],
            },
            false,
            { id, createdAt, ...lineage },
          )
        : makeRecord({ id, createdAt, params: { returnValue: n }, ...lineage }),
    );
  }
  return records;
}

/** Writes a Lifecycle Lab log of `count` records to `path`; returns the records. */
export async function writeBigLog(path: string, count: number): Promise<EventRecord[]> {
  const records = bigLogRecords(count);
  await writeFile(path, formatLog(records, new Date('2026-12-01T00:00:00.000Z')));
  return records;
}

/** A digest of records as data: the same records in the same order give the same digest. */
export function digestOf(records: readonly unknown[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(JSON.stringify(record));
  return hash.digest('hex');
}

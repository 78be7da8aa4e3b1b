import { describe, expect, it } from 'vitest';
import { createRecordsCache, type EventRecord } from '../../store';
import { countsBySource } from './countsBySource';

const record = (
  id: string,
  status: EventRecord['status'],
  source: EventRecord['source'],
  fileName?: string,
) =>
  ({
    id,
    chainId: id,
    kind: 'simple',
    status,
    source,
    ...(source === 'imported' ? { importedFrom: { format: 'lifecycle-lab', fileName } } : {}),
  }) as EventRecord;

function cacheOf(...records: EventRecord[]) {
  const cache = createRecordsCache();
  cache.upsert(records, 'newer');
  return cache;
}

describe('counts by source', () => {
  it('keeps imported records out of the status counts, and in the total', () => {
    const counts = countsBySource(
      cacheOf(
        record('a', 'pending', 'imported', 'one.jsonl'),
        record('b', 'completed', 'imported', 'two.jsonl'),
        record('c', 'pending', 'live'),
        record('d', 'failed', 'restored'),
        record('e', 'processing', 'remote'),
      ),
    );
    expect(counts.imported).toBe(2);
    expect(counts.total).toBe(5);
    expect(counts.own).toMatchObject({ pending: 1, completed: 0, failed: 1, processing: 1 });
  });

  it('gives the same object back while the numbers stay the same', () => {
    const cache = cacheOf(record('a', 'pending', 'imported'));
    const first = countsBySource(cache);
    cache.upsert([{ ...record('a', 'pending', 'imported'), label: 'changed' }], 'newer');
    expect(countsBySource(cache)).toBe(first);
  });

  it('keeps the identity of the counts of each store while another store is counted', () => {
    const first = cacheOf(record('a', 'completed', 'live'));
    const second = cacheOf(record('b', 'failed', 'live'), record('c', 'failed', 'live'));
    const before = countsBySource(first);
    expect(countsBySource(second).total).toBe(2);
    expect(countsBySource(first)).toBe(before);
  });
});

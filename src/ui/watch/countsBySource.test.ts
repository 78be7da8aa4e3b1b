import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../store';
import { countsBySource } from './countsBySource';

const record = (id: string, status: EventRecord['status'], source: EventRecord['source']) =>
  ({ id, status, source }) as EventRecord;

describe('counts by source', () => {
  it('keeps imported records out of the status counts, and in the total', () => {
    const records = {
      a: record('a', 'pending', 'imported'),
      b: record('b', 'completed', 'imported'),
      c: record('c', 'pending', 'live'),
      d: record('d', 'failed', 'restored'),
      e: record('e', 'processing', 'remote'),
    };
    const counts = countsBySource({ records });
    expect(counts.imported).toBe(2);
    expect(counts.total).toBe(5);
    expect(counts.own).toMatchObject({ pending: 1, completed: 0, failed: 1, processing: 1 });
  });

  it('gives the same object back while the numbers stay the same', () => {
    const first = countsBySource({ records: { a: record('a', 'pending', 'imported') } });
    const second = countsBySource({ records: { b: record('b', 'failed', 'imported') } });
    expect(second).toBe(first);
  });
});

import { expect, test } from 'vitest';
import { makeRecord } from '../../tests/interop/makeRecord';
import { compareByCreated } from './createdMs';
import { createRecordsCache } from './records/recordsCache';

const sameMs = ['c', 'a', 'd', 'b'].map((letter) => makeRecord({ id: `${letter}-0000` }));

test('records of the same millisecond compare by id; others by time first', () => {
  expect([...sameMs].sort(compareByCreated).map((record) => record.id)).toEqual([
    'a-0000',
    'b-0000',
    'c-0000',
    'd-0000',
  ]);
  const later = makeRecord({
    id: '0-later',
    transitions: [{ status: 'pending', at: Date.parse('2026-11-20T09:30:00.001Z') }],
  });
  expect(compareByCreated(later, sameMs[0] ?? later)).toBeGreaterThan(0);
});

test('records of the same millisecond from another tab are listed by id, whatever order they came in', () => {
  for (const arrival of [sameMs, [...sameMs].reverse()]) {
    const records = createRecordsCache();
    records.applyExternal(arrival, [], false);
    expect(records.order.toArray()).toEqual(['d-0000', 'c-0000', 'b-0000', 'a-0000']);
  }
});

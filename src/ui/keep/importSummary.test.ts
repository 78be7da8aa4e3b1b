import { describe, expect, it } from 'vitest';
import { importSummary } from './importSummary';

const base = {
  ok: true as const,
  added: 3,
  skipped: 0,
  format: 'lionherd' as const,
  merged: { events: 0, snapshots: 0 },
  leftOut: [],
};

describe('importSummary', () => {
  it('says how many events came from which file', () => {
    expect(importSummary(base, 'run.json')).toBe('Imported 3 events from run.json.');
  });

  it('says how many snapshots were merged into how many events', () => {
    expect(importSummary({ ...base, merged: { events: 1, snapshots: 2 } }, 'svc.jsonl')).toBe(
      'Imported 3 events from svc.jsonl (2 snapshots of 1 event merged, one event each).',
    );
  });

  it('counts records left out once each, however many problems they have', () => {
    const leftOut = [
      { record: '[1]', field: 'execution.status', message: 'expected one of …' },
      { record: '[4]', field: 'created_at', message: 'expected …' },
      { record: '[4]', field: 'execution', message: 'expected …' },
    ];
    expect(importSummary({ ...base, added: 1, skipped: 1, leftOut }, 'run.json')).toBe(
      'Imported 1 event from run.json (1 already in the history, left as it was; 2 records that do not fit left out).',
    );
  });
});

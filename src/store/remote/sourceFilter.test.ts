import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import { matchesFilter } from '../selectors';
import { sourceLabelOf } from './sourceKey';

const local = makeRecord({ id: 'local' });
const remote = makeRecord({
  id: 'remote',
  source: 'remote',
  remote: { sourceId: 's1', sourceName: 'worker', seq: 1, disconnected: true, canRetry: false },
});
const imported = makeRecord({
  id: 'imported',
  source: 'imported',
  importedFrom: { format: 'lionherd', fileName: 'run.json' },
});

describe('filtering by source', () => {
  it('keeps the records of one source: this page, a remote process by name, or an imported file', () => {
    const pick = (source: string): string[] =>
      [local, remote, imported]
        .filter((record) => matchesFilter(record, { source }))
        .map((record) => record.id);
    expect(pick('this-page')).toEqual(['local']);
    expect(pick('remote:worker')).toEqual(['remote']);
    expect(pick('imported:run.json')).toEqual(['imported']);
    expect(pick('all')).toEqual(['local', 'remote', 'imported']);
  });

  it('names each source in words for the row badge', () => {
    expect([local, remote, imported].map(sourceLabelOf)).toEqual([
      'this page',
      'worker',
      'imported · run.json',
    ]);
  });
});

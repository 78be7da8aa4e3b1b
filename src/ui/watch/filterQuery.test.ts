import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord.ts';
import type { RemoteOrigin } from '../../store/eventRecord.ts';
import { matchesQuery, parseFilterQuery, singleTerm, withTerm } from './filterQuery.ts';

const REMOTE: RemoteOrigin = {
  sourceId: 's1',
  sourceName: 'worker',
  seq: 1,
  disconnected: false,
  canRetry: false,
};

describe('parseFilterQuery', () => {
  it('reads every key of the documented example', () => {
    const query = parseFilterQuery(
      'status:failed retryable:true kind:http error:ConnectionError attempt:>1 disk',
    );
    expect(query).toMatchObject({
      status: ['failed'],
      kind: ['http'],
      retryable: true,
      error: ['connectionerror'],
      attempt: [{ op: '>', value: 1 }],
      words: ['disk'],
      problems: [],
    });
  });

  it('says what it could not read instead of throwing', () => {
    const query = parseFilterQuery('status:done attempt:many retryable:maybe kind:');
    expect(query.problems).toEqual([
      'status:done — no such status (pending, processing, completed, failed, cancelled, skipped, aborted)',
      'attempt:many — use a number, optionally after >, >=, < or <=',
      'retryable:maybe — use retryable:true or retryable:false',
      'kind: — give a value after the colon',
    ]);
  });

  it('keeps spaces in a quoted value or phrase', () => {
    const query = parseFilterQuery(
      'source:"remote:queue billing jobs" "connection refused" error:"a \\"b\\" c" disk',
    );
    expect(query).toMatchObject({
      source: ['remote:queue billing jobs'],
      error: ['a "b" c'],
      words: ['connection refused', 'disk'],
      problems: [],
    });
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        parseFilterQuery(text);
      }),
    );
  });
});

describe('matchesQuery', () => {
  const failedHttp = makeRecord({
    kind: 'http',
    label: 'HTTP event',
    status: 'failed',
    attempt: 2,
    retryable: true,
    execution: {
      status: 'failed',
      duration: 0.1,
      response: null,
      error: { error: 'ConnectionError', message: 'HTTP 503', retryable: true },
      retryable: true,
    },
  });

  it('keeps a record that passes every term', () => {
    const query = parseFilterQuery(
      'status:failed retryable:true kind:http error:ConnectionError attempt:>1',
    );
    expect(matchesQuery(failedHttp, query)).toBe(true);
  });

  it('drops a record that fails any one term', () => {
    for (const text of ['status:completed', 'retryable:false', 'kind:slow', 'attempt:1']) {
      expect(matchesQuery(failedHttp, parseFilterQuery(text))).toBe(false);
    }
  });

  it('treats terms of the same key as alternatives', () => {
    expect(matchesQuery(failedHttp, parseFilterQuery('status:completed status:failed'))).toBe(true);
  });
});

describe('withTerm', () => {
  it('replaces a key and keeps the rest of the query', () => {
    expect(withTerm('status:failed disk attempt:>1', 'status', 'completed')).toBe(
      'status:completed disk attempt:>1',
    );
    expect(withTerm('status:failed disk', 'status', null)).toBe('disk');
    expect(singleTerm(parseFilterQuery(withTerm('', 'kind', 'slow')), 'kind')).toBe('slow');
  });

  it('quotes a value with spaces, and replaces a quoted term whole', () => {
    const query = withTerm('disk', 'source', 'remote:queue billing jobs');
    expect(query).toBe('source:"remote:queue billing jobs" disk');
    expect(withTerm(query, 'source', 'this-page')).toBe('source:this-page disk');
  });

  it('writes a term that reads back as the value it was given, whatever the value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (value, rest) => {
        const query = parseFilterQuery(withTerm(rest, 'source', value));
        expect(query.source.at(0)).toBe(value.toLowerCase());
      }),
    );
  });
});

describe('the source filter', () => {
  it('finds the events of a source whose name has spaces', () => {
    const record = { ...makeRecord(), remote: { ...REMOTE, sourceName: 'queue billing jobs' } };
    const query = parseFilterQuery(withTerm('', 'source', 'remote:queue billing jobs'));
    expect(matchesQuery(record, query)).toBe(true);
    expect(matchesQuery({ ...record, remote: { ...REMOTE, sourceName: 'queue' } }, query)).toBe(
      false,
    );
  });
});

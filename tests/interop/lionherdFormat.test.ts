import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../src/store/eventRecord';
import { parseLionherdLog, toLionherdRecords } from '../../src/store/formats/lionherd';
import { parsePythonTimestamp } from '../../src/store/formats/pythonTimestamp';
import { eventRecordSchema } from '../../src/store/recordSchema';
import fixtureText from '../fixtures/lionherd-python/notebook-run.json?raw';
import { makeFailedRecord, makeRecord } from './makeRecord';

/** A fresh copy of the fixture, as Python wrote it. */
function readFixture(): unknown[] {
  return JSON.parse(fixtureText) as unknown[];
}

function parseOk(data: unknown, fileName?: string): EventRecord[] {
  const result = parseLionherdLog(data, fileName);
  if (!result.ok) throw new Error(`expected the log to parse: ${result.error}`);
  return result.records;
}

function parseError(data: unknown): string {
  const result = parseLionherdLog(data);
  if (result.ok) throw new Error('expected the log to be rejected');
  return result.error;
}

/** A deep copy of the fixture with one change applied. */
function fixtureWith(change: (records: Record<string, unknown>[]) => void): unknown {
  const records = readFixture() as Record<string, unknown>[];
  change(records);
  return records;
}

describe('parseLionherdLog on the notebook run', () => {
  const records = parseOk(readFixture(), 'notebook-run.json');

  it('reads all 12 records in order', () => {
    expect(records).toHaveLength(12);
    expect(records[0]?.id).toBe('4a1e0000-0000-4000-8000-000000001111');
    expect(records[11]?.id).toBe('4a1e0000-0000-4000-8000-00000000cccc');
  });

  it('keeps every status', () => {
    expect(records.map((record) => record.status)).toEqual([
      'completed',
      'completed',
      'completed',
      'failed',
      'completed',
      'cancelled',
      'completed',
      'failed',
      'failed',
      'failed',
      'pending',
      'completed',
    ]);
  });

  it('gives valid store records, marked as imported from lionherd with their class', () => {
    for (const record of records) {
      expect(eventRecordSchema.safeParse(record).success).toBe(true);
      expect(record.source).toBe('imported');
      expect(record.importedFrom?.format).toBe('lionherd');
      expect(record.importedFrom?.fileName).toBe('notebook-run.json');
    }
    expect(records[5]?.importedFrom?.lionClass).toBe('__main__.SlowEvent');
    expect(records[5]?.kind).toBe('SlowEvent');
    expect(records[5]?.metadata).not.toHaveProperty('lion_class');
  });

  it('keeps created_at as written and reads its microseconds into the timeline', () => {
    expect(records[0]?.createdAt).toBe('2026-11-20T09:30:00.157000+00:00');
    expect(records[0]?.transitions[0]).toEqual({
      status: 'pending',
      at: Date.parse('2026-11-20T09:30:00.157Z'),
    });
  });

  it('rebuilds the timeline from created_at and duration', () => {
    const cancelled = records[5];
    const created = Date.parse('2026-11-20T09:30:00.342Z');
    expect(cancelled?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'cancelled',
    ]);
    expect(cancelled?.transitions[2]?.at).toBeCloseTo(created + 50.807, 6);
    expect(records[10]?.transitions).toEqual([
      { status: 'pending', at: Date.parse('2026-11-20T09:30:00.527Z') },
    ]);
  });

  it('keeps Unset (null) apart from a real null response', () => {
    const pending = records[10];
    expect(pending?.execution).toEqual({
      status: 'pending',
      duration: null,
      response: null,
      error: null,
      retryable: null,
    });
    expect(pending?.duration).toBeNull();
    const nullReturning = records[11];
    expect(nullReturning?.execution.response).toBeNull();
    expect(nullReturning?.execution.retryable).toBe(false);
  });

  it('reads a timeout as a retryable lionherd TimeoutError', () => {
    expect(records[5]?.execution.error).toEqual({
      error: 'TimeoutError',
      message: 'Operation timed out after 0.05s',
      retryable: true,
    });
    expect(records[5]?.retryable).toBe(true);
  });

  it('reads an ExceptionGroup as an AggregateError with its nested exceptions', () => {
    const error = records[9]?.execution.error;
    expect(error).toEqual({
      error: 'AggregateError',
      message: 'multiple errors',
      exceptions: [
        { error: 'ValueError', message: 'validation error' },
        { error: 'TypeError', message: 'type mismatch' },
        { error: 'KeyError', message: "'missing key'" },
      ],
    });
    expect(records[9]?.verdict).toBe('retryable, as lionherd-core recorded it');
  });

  it('keeps Python error names and messages as they are', () => {
    expect(records[3]?.execution.error).toEqual({
      error: 'ValueError',
      message: 'Something broke',
    });
  });

  it('keeps subclass fields as params under their Python names', () => {
    expect(records[0]?.params).toEqual({ return_value: 42 });
    expect(records[3]?.params).toEqual({ error_msg: 'Something broke' });
    expect(records[5]?.params).toEqual({ delay: 5, return_value: 'completed' });
  });

  it('links a fresh attempt to its original in one chain', () => {
    const [first, second] = [records[7], records[8]];
    expect(first?.attempt).toBe(1);
    expect(second?.attempt).toBe(2);
    expect(second?.originalId).toBe(first?.id);
    expect(second?.chainId).toBe(first?.id);
    expect(first?.chainId).toBe(first?.id);
    expect(second?.metadata.original).toEqual({
      id: first?.id,
      created_at: '2026-11-20T09:30:00.416000+00:00',
    });
  });
});

describe('parseLionherdLog on bad input', () => {
  it('says what is wrong and where', () => {
    const data = fixtureWith((records) => {
      (records[3]?.execution as Record<string, unknown>).status = 'exploded';
    });
    expect(parseError(data)).toMatch(/^\[3\]\.execution\.status: expected one of pending\|/);
  });

  it('points at a bad nested exception', () => {
    const data = fixtureWith((records) => {
      const error = (records[9]?.execution as { error: { exceptions: unknown[] } }).error;
      error.exceptions[1] = { error: 'TypeError' };
    });
    expect(parseError(data)).toBe(
      '[9].execution.error.exceptions[1].message: expected the error message as text',
    );
  });

  it('rejects a timestamp without a UTC offset', () => {
    const data = fixtureWith((records) => {
      if (records[0] !== undefined) records[0].created_at = '2026-11-20T09:30:00.157000';
    });
    expect(parseError(data)).toContain(
      '[0].created_at: expected an ISO 8601 timestamp with a UTC offset',
    );
  });

  it('rejects a negative duration', () => {
    const data = fixtureWith((records) => {
      (records[0]?.execution as Record<string, unknown>).duration = -1;
    });
    expect(parseError(data)).toMatch(/^\[0\]\.execution\.duration: /);
  });

  it('rejects a duration no date can hold, so no timeline runs past the calendar', () => {
    const data = fixtureWith((records) => {
      (records[0]?.execution as Record<string, unknown>).duration = 1e300;
    });
    expect(parseError(data)).toBe(
      '[0].execution.duration: expected seconds that end before the end of year 9999',
    );
  });

  it('rejects a second record of an id whose created_at differs, naming both', () => {
    const data = fixtureWith((records) => {
      if (records[4] !== undefined) records[4].id = records[1]?.id;
    });
    expect(parseError(data)).toBe(
      '[4].created_at: 2026-11-20T09:30:00.305000+00:00 differs from 2026-11-20T09:30:00.194000+00:00 in [1], an earlier record of the same id',
    );
  });

  it.each([
    [{ records: [] }, 'an object'],
    ['[]', 'text'],
    [null, 'null'],
    [42, 'a number'],
  ])('rejects %j, which is not an array', (data, what) => {
    expect(parseError(data)).toBe(
      `expected a JSON array of lionherd-core Event.to_dict records, got ${what}`,
    );
  });

  it('reads an empty log as no records', () => {
    expect(parseOk([])).toEqual([]);
  });
});

describe('toLionherdRecords', () => {
  it('writes the Python log back exactly as it was read', () => {
    const fixture = readFixture();
    expect(toLionherdRecords(parseOk(fixture))).toEqual(fixture);
  });

  it('writes a native record in the Python shape', () => {
    const record = makeRecord({
      kind: 'slow',
      params: { delay: 0.5, returnValue: 'done', timeout: null },
    });
    expect(toLionherdRecords([record])).toEqual([
      {
        id: record.id,
        created_at: '2026-11-20T09:30:00.000Z',
        metadata: { lion_class: 'lifecycle_lab.SlowEvent' },
        execution: {
          status: 'completed',
          duration: 0.0015,
          response: 42,
          error: null,
          retryable: false,
        },
        delay: 0.5,
        return_value: 'done',
        timeout: null,
      },
    ]);
  });

  it('names an AggregateError ExceptionGroup and counts its sub-exceptions in the message', () => {
    const record = makeFailedRecord(
      {
        error: 'AggregateError',
        message: 'two failures',
        exceptions: [
          { error: 'ValidationError', message: 'bad', retryable: false },
          {
            error: 'AggregateError',
            message: 'inner',
            exceptions: [{ error: 'TypeError', message: 'x' }],
          },
        ],
      },
      false,
    );
    const [python] = toLionherdRecords([record]) as { execution: { error: unknown } }[];
    expect(python?.execution.error).toEqual({
      error: 'ExceptionGroup',
      message: 'two failures (2 sub-exceptions)',
      exceptions: [
        { error: 'ValidationError', message: 'bad', retryable: false },
        {
          error: 'ExceptionGroup',
          message: 'inner (1 sub-exception)',
          exceptions: [{ error: 'TypeError', message: 'x' }],
        },
      ],
    });
  });

  it('does not count the sub-exceptions twice when the message already says how many', () => {
    const record = makeFailedRecord(
      {
        error: 'AggregateError',
        message: 'multiple errors (2 sub-exceptions)',
        exceptions: [
          { error: 'ValueError', message: 'a' },
          { error: 'TypeError', message: 'b' },
        ],
      },
      true,
    );
    const [python] = toLionherdRecords([record]) as { execution: { error: { message: string } } }[];
    expect(python?.execution.error.message).toBe('multiple errors (2 sub-exceptions)');
  });

  it('survives a round trip: export, then parse, gives the same records', () => {
    const firstId = '66666666-6666-4666-8666-666666666666';
    const native: EventRecord[] = [
      makeRecord({
        kind: 'simple',
        params: { returnValue: 42, timeout: null },
        metadata: { note: 'hello' },
      }),
      makeFailedRecord(
        {
          error: 'AggregateError',
          message: 'both failed',
          exceptions: [
            { error: 'ConnectionError', message: 'reset', retryable: true },
            { error: 'ValidationError', message: 'bad', retryable: false, details: { field: 'x' } },
          ],
        },
        false,
        { id: firstId, chainId: firstId, kind: 'multi-error', params: { errorKind: 'connection' } },
      ),
      makeFailedRecord({ error: 'ConnectionError', message: 'again', retryable: true }, true, {
        id: '77777777-7777-4777-8777-777777777777',
        chainId: firstId,
        originalId: firstId,
        attempt: 2,
        metadata: {
          attempt: 2,
          original: { id: firstId, created_at: '2026-11-20T09:30:00.000Z' },
        },
      }),
    ];
    const back = parseOk(toLionherdRecords(native));

    const surviving = (record: EventRecord) => ({
      id: record.id,
      createdAt: record.createdAt,
      status: record.status,
      metadata: record.metadata,
      execution: record.execution,
      duration: record.duration,
      retryable: record.retryable,
      attempt: record.attempt,
      originalId: record.originalId,
      chainId: record.chainId,
    });
    expect(back.map(surviving)).toEqual(native.map(surviving));
    // Read back, the fields are a Python record's: under their Python names.
    expect(back.map((record) => record.params)).toEqual([
      { return_value: 42, timeout: null },
      { error_kind: 'connection' },
      {},
    ]);
    expect(back.map((record) => record.importedFrom?.lionClass)).toEqual([
      'lifecycle_lab.SimpleEvent',
      'lifecycle_lab.MultiErrorEvent',
      'lifecycle_lab.FailingEvent',
    ]);
  });
});

describe('Python timestamps', () => {
  it('reads microseconds as a fraction of a millisecond', () => {
    expect(parsePythonTimestamp('2026-11-20T09:30:00.157123+00:00')).toBeCloseTo(
      Date.parse('2026-11-20T09:30:00.157Z') + 0.123,
      6,
    );
  });

  it('reads other offsets and Z', () => {
    expect(parsePythonTimestamp('2026-11-20T10:30:00+01:00')).toBe(
      Date.parse('2026-11-20T09:30:00Z'),
    );
    expect(parsePythonTimestamp('2026-11-20T09:30:00.5Z')).toBe(
      Date.parse('2026-11-20T09:30:00.500Z'),
    );
  });

  it.each(['2026-11-20T09:30:00', '2026-11-20', 'yesterday', '2026-13-45T99:00:00Z'])(
    'rejects %s',
    (text) => {
      expect(parsePythonTimestamp(text)).toBeUndefined();
    },
  );
});

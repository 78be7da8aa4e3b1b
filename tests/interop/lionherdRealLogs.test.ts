import { describe, expect, it } from 'vitest';
import {
  parseLionherdLines,
  parseLionherdLog,
  toLionherdRecords,
  type LionherdReadResult,
} from '../../src/store/formats/lionherd';
import type { EventRecord } from '../../src/store/eventRecord';
import errorShapesText from '../fixtures/lionherd-python/error-shapes.json?raw';
import handMadeText from '../fixtures/lionherd-python/notebook-run.json?raw';
import serviceLogText from '../fixtures/lionherd-python/service-log.jsonl?raw';
import notebookText from '../fixtures/lionherd-real/notebook-run.real.json?raw';
import twiceText from '../fixtures/lionherd-real/records-same-event-twice.json?raw';
import scenariosText from '../fixtures/lionherd-real/scenarios.json?raw';

/**
 * Logs written by lionherd-core itself (tests/fixtures/lionherd-real, see scenarios.md
 * there), and by Python with lionherd-core's rules (tests/fixtures/lionherd-python).
 */

type PythonRecord = Record<string, unknown> & {
  created_at: string;
  metadata: Record<string, unknown>;
  execution: Record<string, unknown>;
};

const read = (text: string): PythonRecord[] => JSON.parse(text) as PythonRecord[];

function ok(result: LionherdReadResult): Extract<LionherdReadResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected the log to be read: ${result.error}`);
  return result;
}

function recordsOf(text: string): EventRecord[] {
  return ok(parseLionherdLog(read(text), 'log.json')).records;
}

describe('a log Python wrote comes back from import and export exactly as written', () => {
  it.each([
    ['lionherd-real/scenarios.json', scenariosText],
    ['lionherd-real/notebook-run.real.json', notebookText],
    ['lionherd-python/error-shapes.json', errorShapesText],
    ['lionherd-python/notebook-run.json', handMadeText],
  ])('%s: every key, value, key order and timestamp string', (_name, text) => {
    const exported = toLionherdRecords(recordsOf(text));
    // Compared as text, so key order counts too.
    expect(JSON.stringify(exported, null, 2)).toBe(JSON.stringify(read(text), null, 2));
  });

  it('keeps created_at with another offset, or on a whole second, as written', () => {
    const records = recordsOf(errorShapesText);
    expect(records[1]?.createdAt).toBe('2026-11-30T21:02:53.250000+02:00');
    expect(records[1]?.transitions[0]?.at).toBe(Date.parse('2026-11-30T19:02:53.250Z'));
    expect(records[2]?.createdAt).toBe('2026-11-30T19:02:54+00:00');
    expect(records[6]?.createdAt).toBe('2026-11-30T19:02:58.654321-05:00');
  });

  it('keeps metadata.original.created_at to the microsecond, the original’s string', () => {
    const records = recordsOf(scenariosText);
    const [original, fresh] = [records[13], records[14]];
    expect(fresh?.metadata.original).toEqual({
      id: original?.id,
      created_at: '2026-11-30T19:02:52.694953+00:00',
    });
    expect(original?.createdAt).toBe('2026-11-30T19:02:52.694953+00:00');
    const [, exportedFresh] = toLionherdRecords([
      original,
      fresh,
    ] as EventRecord[]) as PythonRecord[];
    expect(exportedFresh?.metadata.original).toEqual({
      id: original?.id,
      created_at: original?.createdAt,
    });
  });

  it('keeps subclass fields under their names and numbers as numbers', () => {
    const records = recordsOf(scenariosText);
    expect(records[0]?.params).toEqual({ return_value: 42 });
    expect(records[8]?.params).toEqual({ delay: 1, return_value: 'completed' });
    const [exported] = toLionherdRecords([records[0]] as EventRecord[]);
    expect(exported?.return_value).toBe(42);
  });
});

describe('logs as services write them', () => {
  it('merges the snapshots of one event into one event and says so', () => {
    const result = ok(parseLionherdLog(read(twiceText)));
    expect(result.merged).toEqual({ events: 1, snapshots: 2 });
    expect(result.records).toHaveLength(1);
    const [event] = result.records;
    expect(event?.status).toBe('completed');
    expect(event?.execution.response).toBe('done');
    expect(event?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
    expect(toLionherdRecords(result.records)).toEqual([read(twiceText)[1]]);
  });

  it('never takes a terminal status back when a later snapshot says otherwise', () => {
    const [processing, completed] = read(twiceText);
    const result = ok(parseLionherdLog([completed, processing]));
    expect(result.records[0]?.status).toBe('completed');
    expect(result.merged).toEqual({ events: 1, snapshots: 2 });
  });

  it('keeps a cancelled event that never ran off the processing step, unless a snapshot saw it run', () => {
    const base = read(scenariosText)[15];
    if (base === undefined) throw new Error('scenarios.json has a record [15]');
    const cancelled = { ...base, execution: { ...base.execution, status: 'cancelled' } };
    expect(
      recordsOf(JSON.stringify([cancelled]))[0]?.transitions.map((step) => step.status),
    ).toEqual(['pending', 'cancelled']);
    const running = { ...base, execution: { ...base.execution, status: 'processing' } };
    const merged = ok(parseLionherdLog([running, cancelled])).records[0];
    expect(merged?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'cancelled',
    ]);
  });

  it('reads JSON Lines, one record a line, merging snapshots there too', () => {
    const result = ok(parseLionherdLines(serviceLogText, 'service.jsonl'));
    expect(result.records.map((record) => record.status)).toEqual([
      'completed',
      'completed',
      'failed',
    ]);
    expect(result.merged).toEqual({ events: 1, snapshots: 2 });
    const lines = serviceLogText
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown);
    expect(toLionherdRecords(result.records)).toEqual([lines[0], lines[3], lines[2]]);
  });
});

describe('records that do not fit lionherd’s shape', () => {
  function withBrokenRecords(): unknown[] {
    const records: unknown[] = read(scenariosText);
    const second = records[1] as PythonRecord;
    records[1] = { ...second, execution: { ...second.execution, status: 'exploded' } };
    records[4] = { id: 'x', created_at: 'yesterday' };
    return records;
  }

  it('are named by record and field, and nothing is read', () => {
    const result = parseLionherdLog(withBrokenRecords());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatch(/^\[1\]\.execution\.status: expected one of pending\|/);
    expect(result.error).toContain('[4].created_at: expected an ISO 8601 timestamp');
    expect(result.error).toContain('[4].execution: expected an object with status');
    expect(result.importable).toBe(18);
    expect(result.problems.map((problem) => `${problem.record} ${problem.field}`)).toEqual([
      '[1] execution.status',
      '[4] created_at',
      '[4] execution',
    ]);
  });

  it('leave the rest to be imported when the person asks for it', () => {
    const result = ok(parseLionherdLog(withBrokenRecords(), 'log.json', { importValid: true }));
    expect(result.records).toHaveLength(18);
    expect(result.leftOut.map((problem) => problem.record)).toEqual(['[1]', '[4]', '[4]']);
  });

  it('in JSON Lines are named by line', () => {
    const lines = serviceLogText.split('\n');
    lines[1] = '{"id": "broken"';
    const result = parseLionherdLines(lines.join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^line 2: not valid JSON/);
  });
});

describe('Python’s errors as they really appear', () => {
  const records = recordsOf(errorShapesText);

  it('reads a group of one as an AggregateError of one, its count taken off the message', () => {
    expect(records[0]?.execution.error).toEqual({
      error: 'AggregateError',
      message: 'one failure',
      exceptions: [{ error: 'ValueError', message: 'bad input' }],
    });
  });

  it('keeps nested groups of lionherd errors with their retryable and details', () => {
    expect(records[1]?.execution.error).toEqual({
      error: 'AggregateError',
      message: 'upstream calls',
      exceptions: [
        {
          error: 'ConnectionError',
          message: 'reset by peer',
          retryable: true,
          details: { host: 'api.local', attempt: 3 },
        },
        {
          error: 'AggregateError',
          message: 'validation',
          exceptions: [
            {
              error: 'ValidationError',
              message: 'age must be positive',
              retryable: false,
              details: { field: 'age' },
            },
          ],
        },
      ],
    });
  });

  it('shows the retryability Python recorded, even where this dashboard’s rule differs', () => {
    // lionherd-core looks only at a group's direct sub-exceptions.
    expect(records[1]?.retryable).toBe(true);
    expect(records[1]?.verdict).toMatch(
      /^retryable, as lionherd-core recorded it \(this dashboard's rule would say "not retryable/,
    );
    expect(records[2]?.retryable).toBe(false);
    expect(records[2]?.verdict).toBe('not retryable, as lionherd-core recorded it');
  });

  it('keeps cancellation messages, empty messages and KeyError quotes as Python wrote them', () => {
    expect(records[3]?.execution.error).toEqual({ error: 'CancelledError', message: '' });
    expect(records[4]?.execution.error).toEqual({
      error: 'CancelledError',
      message: 'Cancelled by cancel scope 7f3a2c1b4d90',
    });
    expect(records[5]?.execution.error).toEqual({ error: 'KeyError', message: "'user_id'" });
    expect(records[6]?.execution.error).toEqual({ error: 'RuntimeError', message: '' });
  });
});

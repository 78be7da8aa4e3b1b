import { describe, expect, test } from 'vitest';
import { makeRecord } from '../../../tests/interop/makeRecord';
import type { EventRecord } from '../eventRecord';
import * as lionherd from './lionherd';
import { formatLog } from './log';
import { findTooDeep } from './nestingDepth';
import { parseLog } from './parseLog';
import { readLogInBackground, type ImportProgress } from './readLogInBackground';
import scenariosText from '../../../tests/fixtures/lionherd-real/scenarios.json?raw';

const EXPORTED_AT = new Date('2026-12-01T00:00:00.000Z');

function logOf(records: readonly unknown[]): string {
  return JSON.stringify({ format: 'lifecycle-lab', version: 1, exportedAt: 'x', records });
}

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

function deepJson(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

function recordWithId(id: string, overrides: Partial<EventRecord> = {}): EventRecord {
  return makeRecord({ id, chainId: id, ...overrides });
}

function errorOf(text: string, fileName?: string): string {
  const result = parseLog(text, lionherd, fileName);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('lionherd logs as Python writes them', () => {
  const [record] = JSON.parse(scenariosText) as unknown[];

  test('one record, pretty-printed as json.dump(…, indent=2) writes it, is read', () => {
    const result = parseLog(JSON.stringify(record, null, 2), lionherd, 'event.json');
    expect(result).toMatchObject({ ok: true, format: 'lionherd' });
    if (result.ok) expect(result.records).toHaveLength(1);
  });

  test('JSON Lines whose first line is broken name that line, the others still readable', () => {
    const text = ['{"id": "broken"', JSON.stringify(record), JSON.stringify(record)].join('\n');
    expect(errorOf(text, 'service.jsonl')).toMatch(/line 1: not valid JSON/);
  });
});

describe('refusals say what and where', () => {
  test('100,000 malformed records are refused with the first five problems and a count of the rest', () => {
    const records = Array.from({ length: 100_000 }, (_, index) =>
      recordWithId(`id-${String(index)}`, { status: 'lost' as EventRecord['status'] }),
    );
    const error = errorOf(logOf(records), 'bad.json');
    expect(error).toMatch(
      /^"bad\.json" is not a valid Lifecycle Lab log: records\[0\]\.status: expected one of pending\|/,
    );
    expect(error).toContain('; records[4].status: expected one of');
    expect(error).toMatch(/; and 99,995 more problems in 99,995 records$/);
    expect(error).not.toMatch(/call stack/i);
  }, 30_000);

  test.each(['', ' \r\n\t\n'])('a file of nothing but whitespace (%j) is called empty', (text) => {
    expect(errorOf(text, 'blank.json')).toBe('"blank.json" is empty: it holds no records.');
  });

  test('a record nested 10,000 levels deep is refused with its path, not a stack overflow', () => {
    // JSON.stringify recurses, so the deep part is written by hand (JSON.parse does not).
    const deep = recordWithId('deep', {
      execution: { ...makeRecord().execution, response: 'DEEP' },
    });
    const error = errorOf(logOf([makeRecord(), deep]).replace('"DEEP"', deepJson(10_000)));
    expect(error).toMatch(
      /^The file is not a valid Lifecycle Lab log: records\[1\]\.execution\.response(\[0\])+: nested deeper than 500 levels, more than this dashboard reads$/,
    );
  });

  test('deep nesting in a lionherd log, as an array or as JSON Lines, is refused with its record', () => {
    const record = {
      id: 'a',
      created_at: '2026-11-20T09:30:00+00:00',
      metadata: {},
      execution: {
        status: 'completed',
        duration: 1,
        response: 'DEEP',
        error: null,
        retryable: false,
      },
    };
    const line = JSON.stringify(record).replace('"DEEP"', deepJson(10_000));
    expect(errorOf(`[${line}]`)).toMatch(
      /^The file is not a valid lionherd-core log: \[0\]\.execution\.response(\[0\])+: nested deeper than 500 levels/,
    );
    expect(errorOf(`${line}\n${line}\n`)).toMatch(
      /^The file is not a valid lionherd-core log: line 1, execution\.response(\[0\])+: nested deeper than 500 levels/,
    );
  });

  test('a second record with an id seen earlier in the file is reported as a duplicate in the file', () => {
    const result = parseLog(
      logOf([recordWithId('a'), recordWithId('b'), recordWithId('a')]),
      lionherd,
      'twice.json',
    );
    expect(result).toEqual({
      ok: false,
      error:
        '"twice.json" is not a valid Lifecycle Lab log: records[2].id: "a" is a duplicate in the file: records[0] has the same id',
      partial: {
        problems: [
          {
            record: 'records[2]',
            field: 'id',
            message: '"a" is a duplicate in the file: records[0] has the same id',
          },
        ],
        importable: 2,
      },
    });
  });

  test('the records that fit are read when asked, and the duplicates are left out', () => {
    const result = parseLog(logOf([recordWithId('a'), recordWithId('a')]), lionherd, undefined, {
      importValid: true,
    });
    expect(result.ok && result.records.map((record) => record.id)).toEqual(['a']);
    expect(result.ok && result.leftOut?.map((problem) => problem.record)).toEqual(['records[1]']);
  });

  test.each([
    ['1e300', 1e300],
    ['a negative time', -5],
    ['a time after year 9999', 253_402_300_800_000],
  ])('a transition at %s is refused with its record and field', (_, at) => {
    const record = makeRecord();
    const transitions = record.transitions.map((step, index) =>
      index === 2 ? { ...step, at } : step,
    );
    expect(errorOf(logOf([{ ...record, transitions }]))).toBe(
      `The file is not a valid Lifecycle Lab log: records[0].transitions[2].at: ${String(at)} is not a time between 1970 and the end of year 9999 (epoch milliseconds)`,
    );
  });

  test('a time that is not a number (NaN is written as null) is refused with its field', () => {
    const record = makeRecord();
    const text = logOf([record]).replace(`"at":${String(record.transitions[1]?.at)}`, '"at":null');
    expect(errorOf(text)).toMatch(
      /^The file is not a valid Lifecycle Lab log: records\[0\]\.transitions\[1\]\.at: expected number/,
    );
  });

  test('a duration of 1e300 seconds and a creation before 1970 are refused', () => {
    const long = makeRecord({ duration: 1e300 });
    const early = recordWithId('early', { createdAt: '0001-01-01T00:00:00.000Z' });
    expect(errorOf(logOf([long, early]))).toBe(
      'The file is not a valid Lifecycle Lab log: records[0].duration: 1e+300 seconds is longer than any time between 1970 and the end of year 9999; records[1].createdAt: expected a time between 1970 and the end of year 9999',
    );
  });

  test('a lionherd record created before 1970 is refused with its field', () => {
    const record = {
      id: 'a',
      created_at: '0001-01-01T00:00:00+00:00',
      execution: {
        status: 'pending',
        duration: null,
        response: null,
        error: null,
        retryable: null,
      },
    };
    expect(errorOf(JSON.stringify([record]))).toBe(
      'The file is not a valid lionherd-core log: [0].created_at: expected a time between 1970 and the end of year 9999',
    );
  });
});

describe('ids are data', () => {
  test('ids named like Object.prototype members are ordinary ids', () => {
    const ids = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const result = parseLog(
      formatLog(
        ids.map((id) => recordWithId(id)),
        EXPORTED_AT,
      ),
      lionherd,
    );
    expect(result.ok && result.records.map((record) => record.id)).toEqual(ids);
  });

  test('a duplicate __proto__ id is still found', () => {
    const result = parseLog(
      logOf([recordWithId('__proto__'), recordWithId('__proto__')]),
      lionherd,
    );
    expect(!result.ok && result.error).toMatch(
      /records\[1\]\.id: "__proto__" is a duplicate in the file/,
    );
  });
});

describe('nesting depth', () => {
  test('the path of the first value nested too deep is found without recursion', () => {
    expect(findTooDeep({ a: [{ b: [[1]] }] }, 4)).toEqual(['a', 0, 'b', 0]);
    expect(findTooDeep({ a: [{ b: [[1]] }] }, 5)).toBeNull();
    expect(findTooDeep(nested(1_000_000), 500)).toHaveLength(500);
    expect(findTooDeep('text', 0)).toBeNull();
  });
});

describe('reading in slices on the page', () => {
  const records = Array.from({ length: 2_000 }, (_, index) => recordWithId(`r${String(index)}`));
  const text = formatLog(records, EXPORTED_AT);

  test('progress counts the records checked, and the result is what parseLog gives', async () => {
    const progress: ImportProgress[] = [];
    const result = await readLogInBackground(text, 'log.json', {
      onProgress: (step) => progress.push(step),
    });
    expect(result).toEqual(parseLog(text, lionherd, 'log.json'));
    expect(progress[0]).toEqual({ phase: 'reading' });
    expect(progress).toContainEqual({ phase: 'checking', checked: 250, total: 2_000 });
    expect(progress.at(-1)).toEqual({ phase: 'checking', checked: 2_000, total: 2_000 });
  });

  test('a cancelled read rejects with the reason and returns nothing', async () => {
    const controller = new AbortController();
    const reading = readLogInBackground(text, 'log.json', {
      signal: controller.signal,
      onProgress: (step) => {
        if (step.phase === 'checking') controller.abort(new Error('stop'));
      },
    });
    await expect(reading).rejects.toThrow('stop');
  });

  test('a file given as a Blob is read the same as its text', async () => {
    const result = await readLogInBackground(new Blob([text]), 'log.json');
    expect(result).toEqual(parseLog(text, lionherd, 'log.json'));
  });

  test('a file whose bytes are not UTF-8 is refused with where, not read with U+FFFD', async () => {
    const utf8 = new TextEncoder().encode(text);
    // A Latin-1 "é" in the second line's id.
    const at = utf8.indexOf(0x0a) + 10;
    const bytes = Uint8Array.from([...utf8.subarray(0, at), 0xe9, ...utf8.subarray(at)]);
    const result = await readLogInBackground(new Blob([bytes]), 'latin1.json');
    expect(result).toEqual({
      ok: false,
      error: `"latin1.json" is not UTF-8 text: the byte at offset ${at.toLocaleString('en-US')} (line 2) is not part of any UTF-8 character. Save it as UTF-8 and import it again; nothing was imported.`,
    });
  });
});

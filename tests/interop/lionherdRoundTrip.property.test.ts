import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseLionherdLines,
  parseLionherdLog,
  toLionherdRecords,
} from '../../src/store/formats/lionherd';
import { LATEST_EPOCH_MS } from '../../src/store/formats/timeRange';
import { eventRecordSchema } from '../../src/store/recordSchema';
import { EVENT_STATUSES } from '../../src/lib';
import { describeRunSettings, propertyRunSettings } from '../support/arbitraries';

/**
 * Any record of lionherd-core's `Event.to_dict(mode="json")` shape comes back from import
 * and export as it was written. Records are generated as JSON text, key by key, so the
 * property sees the key order a Python writer chose. Keys that are array indexes (`"2"`) are
 * left out: JavaScript objects list those first whatever the text says (see the README).
 */

const settings = propertyRunSettings();
console.info(describeRunSettings('lionherd round trip', settings));
const PROPERTY_TIMEOUT_MS = Math.max(60_000, settings.numRuns * 20);

type Entry = readonly [string, string];

/** An object's JSON text from its entries, in their order. */
const objectText = (entries: readonly Entry[]): string =>
  `{${entries.map(([key, text]) => `${JSON.stringify(key)}:${text}`).join(',')}}`;

const json = fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value));
const notAnIndex = fc.string().filter((key) => !/^(0|[1-9]\d*)$/.test(key));

const timestamp = fc
  .tuple(
    fc.date({ min: new Date('1990-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
    fc.option(fc.integer({ min: 0, max: 999_999 }), { nil: undefined }),
    fc.integer({ min: 1, max: 6 }),
    fc.constantFrom('+00:00', 'Z', '+02:00', '-05:00', '+05:30', '-00:00'),
  )
  .map(([date, micros, digits, offset]) => {
    const seconds = date.toISOString().slice(0, 19);
    const fraction =
      micros === undefined ? '' : `.${String(micros).padStart(6, '0').slice(0, digits)}`;
    return `${seconds}${fraction}${offset}`;
  });

/** A Python error dict's text, groups nested up to `depth` levels. */
function errorText(depth: number): fc.Arbitrary<string> {
  return fc
    .record(
      {
        error: fc.constantFrom('ValueError', 'ExceptionGroup', 'BaseExceptionGroup', 'KeyError'),
        message: fc.oneof(fc.string(), fc.constant('several (2 sub-exceptions)')),
        retryable: fc.option(fc.boolean(), { nil: undefined }),
        details: fc.option(
          fc.dictionary(notAnIndex, fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
          { nil: undefined },
        ),
        exceptions:
          depth === 0
            ? fc.constant(undefined)
            : fc.option(fc.array(errorText(depth - 1), { maxLength: 3 }), { nil: undefined }),
      },
      { requiredKeys: ['error', 'message'] },
    )
    .map(({ error, message, retryable, details, exceptions }) => {
      const entries: Entry[] = [
        ['error', JSON.stringify(error)],
        ['message', JSON.stringify(message)],
      ];
      if (retryable !== undefined) entries.push(['retryable', JSON.stringify(retryable)]);
      if (details !== undefined) entries.push(['details', JSON.stringify(details)]);
      if (exceptions !== undefined) entries.push(['exceptions', `[${exceptions.join(',')}]`]);
      return objectText(entries);
    });
}

const executionText = fc
  .record({
    status: fc.constantFrom(...EVENT_STATUSES),
    // Any duration a date can hold; longer ones are refused (lionherdFormat.test.ts).
    duration: fc.option(fc.double({ min: 0, max: LATEST_EPOCH_MS / 1000, noNaN: true }), {
      nil: null,
    }),
    response: json,
    error: fc.option(errorText(2), { nil: null }),
    retryable: fc.option(fc.boolean(), { nil: null }),
  })
  .map(({ status, duration, response, error, retryable }) =>
    objectText([
      ['status', JSON.stringify(status)],
      ['duration', JSON.stringify(duration)],
      ['response', response],
      ['error', error ?? 'null'],
      ['retryable', JSON.stringify(retryable)],
    ]),
  );

const metadataText = fc
  .tuple(
    fc.uniqueArray(fc.tuple(notAnIndex, json), {
      selector: ([key]) => key,
      maxLength: 4,
    }),
    fc.option(fc.stringMatching(/^[a-z_]+(\.[A-Za-z_]+)+$/), { nil: undefined }),
    fc.nat(),
  )
  .map(([entries, lionClass, at]) => {
    const kept = entries.filter(([key]) => key !== 'lion_class');
    if (lionClass !== undefined)
      kept.splice(at % (kept.length + 1), 0, ['lion_class', JSON.stringify(lionClass)]);
    return objectText(kept);
  });

const EVENT_KEYS = new Set(['id', 'created_at', 'metadata', 'execution']);
const fieldsArbitrary = fc.uniqueArray(
  fc.tuple(
    fc.stringMatching(/^[a-z_][a-z0-9_]{0,11}$/).filter((key) => !EVENT_KEYS.has(key)),
    json,
  ),
  { selector: ([key]) => key, maxLength: 4 },
);

const recordText = (id: string) =>
  fc
    .tuple(timestamp, fc.option(metadataText, { nil: undefined }), executionText, fieldsArbitrary)
    .map(([createdAt, metadata, execution, fields]) => {
      const entries: Entry[] = [
        ['id', JSON.stringify(id)],
        ['created_at', JSON.stringify(createdAt)],
      ];
      if (metadata !== undefined) entries.push(['metadata', metadata]);
      entries.push(['execution', execution], ...fields);
      return objectText(entries);
    });

const logArbitrary = fc
  .uniqueArray(fc.uuid(), { maxLength: 5 })
  .chain((ids) => fc.tuple(...ids.map(recordText)));

describe('lionherd logs round-trip', () => {
  it(
    'any log of lionherd-shaped records is exported exactly as written, as valid store records',
    () => {
      fc.assert(
        fc.property(logArbitrary, (records) => {
          const text = `[${records.join(',')}]`;
          const result = parseLionherdLog(JSON.parse(text));
          if (!result.ok) throw new Error(result.error);
          for (const record of result.records) {
            expect(eventRecordSchema.safeParse(record).success).toBe(true);
          }
          expect(JSON.stringify(toLionherdRecords(result.records))).toBe(text);
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'the same log as JSON Lines gives the same records',
    () => {
      fc.assert(
        fc.property(logArbitrary, (records) => {
          const fromArray = parseLionherdLog(JSON.parse(`[${records.join(',')}]`));
          const fromLines = parseLionherdLines(records.map((line) => `${line}\n`).join(''));
          expect(fromLines).toEqual(fromArray);
        }),
        settings,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

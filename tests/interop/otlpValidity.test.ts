import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toOtlpTraces } from '../../src/store/formats/otlp';
import type { EventRecord } from '../../src/store/eventRecord';
import { makeFailedRecord, makeRecord } from './makeRecord';
import { otlpJsonProblems, roundTripThroughProtobuf } from './otlpJsonSchema';

const CREATED = Date.parse('2026-11-20T09:30:00.000Z');
/** A lone high surrogate, as Python's `surrogateescape` writes an undecodable file name byte. */
const LONE = '\uDC80';

function ended(status: 'skipped' | 'aborted', id: string): EventRecord {
  return makeRecord({
    id,
    chainId: id,
    status,
    transitions: [
      { status: 'pending', at: CREATED },
      { status, at: CREATED },
    ],
    duration: 0,
    execution: {
      status,
      duration: 0,
      response: null,
      error: status === 'aborted' ? { error: 'ValidationError', message: 'no' } : null,
      retryable: false,
    },
  });
}

/** Every attribute value of every span, by key. */
async function spanAttributes(records: EventRecord[]) {
  const request = await toOtlpTraces(records);
  const spans = request.resourceSpans?.[0]?.scopeSpans[0]?.spans ?? [];
  return spans.map((span) => Object.fromEntries(span.attributes.map((a) => [a.key, a.value])));
}

describe('OTLP export against the official opentelemetry-proto definitions', () => {
  const firstId = '44444444-4444-4444-8444-444444444444';
  const sample: EventRecord[] = [
    makeRecord(),
    makeFailedRecord(
      {
        error: 'ExceptionGroup',
        message: `2 errors in ${LONE}.txt`,
        exceptions: [
          { error: 'ValueError', message: 'bad' },
          { error: 'OSError', message: `no such file: '${LONE}'` },
        ],
      },
      false,
      { id: firstId, chainId: firstId, label: `import of ${LONE}` },
    ),
    makeRecord({
      id: '55555555-5555-4555-8555-555555555555',
      attempt: 2,
      originalId: firstId,
      chainId: firstId,
    }),
    ended('skipped', '66666666-6666-4666-8666-666666666666'),
    ended('aborted', '77777777-7777-4777-8777-777777777777'),
  ];

  it('every export follows the OTLP/JSON form of ExportTraceServiceRequest', async () => {
    const request = await toOtlpTraces(sample, { serviceName: `lab ${LONE}` });
    expect(otlpJsonProblems(request)).toEqual([]);
  });

  it('the checker itself refuses what strict OTLP parsers refuse', () => {
    const bad = {
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [{ traceId: 'AAAA', kind: 'SPAN_KIND_INTERNAL', name: LONE, span_id: '' }],
            },
          ],
        },
      ],
    };
    expect(otlpJsonProblems(bad)).toEqual([
      '$.resourceSpans[0].scopeSpans[0].spans[0].traceId: expected a lowercase hex id, got "AAAA"',
      '$.resourceSpans[0].scopeSpans[0].spans[0].kind: expected an integer SpanKind, got "SPAN_KIND_INTERNAL"',
      `$.resourceSpans[0].scopeSpans[0].spans[0].name: expected text that is valid UTF-8 (no unpaired surrogates), got "\\udc80"`,
      "$.resourceSpans[0].scopeSpans[0].spans[0].span_id: Span has no field 'span_id'",
    ]);
  });

  it('survives the binary protobuf encoding with every span and id intact', async () => {
    const request = await toOtlpTraces(sample);
    const decoded = roundTripThroughProtobuf(request) as {
      resourceSpans: { scopeSpans: { spans: { name: string; links?: unknown[] }[] }[] }[];
    };
    const spans = decoded.resourceSpans[0]?.scopeSpans[0]?.spans ?? [];
    expect(spans.map((span) => span.name)).toEqual(sample.map((record) => record.kind));
    expect(spans[2]?.links).toHaveLength(1);
  });

  it('replaces unpaired surrogates with U+FFFD and keeps paired ones', async () => {
    const [attributes] = await spanAttributes([makeRecord({ label: `${LONE} and 😀 and \uD800` })]);
    expect(attributes?.['lifecycle.event.label']).toEqual({
      stringValue: '\uFFFD and 😀 and \uFFFD',
    });
  });

  it('links a fresh attempt only to an attempt in the same file, and names a missing one', async () => {
    const orphan = makeRecord({
      id: '55555555-5555-4555-8555-555555555555',
      attempt: 2,
      originalId: firstId,
      chainId: firstId,
    });
    const request = await toOtlpTraces([orphan]);
    const span = request.resourceSpans?.[0]?.scopeSpans[0]?.spans?.[0];
    expect(span?.links).toEqual([]);
    const [attributes] = await spanAttributes([orphan]);
    expect(attributes?.['lifecycle.event.original_id']).toEqual({ stringValue: firstId });
  });

  it('writes duration_s as a double for every status, a zero duration included', async () => {
    const all = await spanAttributes(sample);
    for (const attributes of all) {
      expect(attributes['lifecycle.event.duration_s']).toEqual({
        doubleValue: expect.any(Number) as unknown,
      });
    }
    expect(all[3]?.['lifecycle.event.duration_s']).toEqual({ doubleValue: 0 });
  });

  it('any text, unpaired surrogates included, exports as valid OTLP/JSON', async () => {
    // Any code point, with lone surrogates made common (uniform code points would rarely hit one).
    const unit = fc.oneof(
      fc.constantFrom('\uD800', '\uDBFF', '\uDC80', '\uDFFF'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const text = fc.string({ unit, maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(text, text, text, async (label, kind, message) => {
        const record = makeFailedRecord({ error: kind, message }, true, { label, kind });
        const request = await toOtlpTraces([record], { resourceAttributes: { [label]: message } });
        expect(otlpJsonProblems(request)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  }, 30_000);
});

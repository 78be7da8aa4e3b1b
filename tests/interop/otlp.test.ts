import type { IExportTraceServiceRequest } from '@opentelemetry/otlp-transformer/build/src/trace/internal-types';
import type { IKeyValue } from '@opentelemetry/otlp-transformer/build/src/common/internal-types';
import { describe, expect, it } from 'vitest';
import {
  spanIdOf,
  toHrTime,
  OTLP_SLICE,
  toOtlpJson,
  toOtlpJsonInSlices,
  toOtlpTraces,
  traceIdOf,
} from '../../src/store/formats/otlp';
import { makeFailedRecord, makeRecord } from './makeRecord';

/** OTLP/JSON: enum values are integers (opentelemetry-proto's trace.proto). */
const STATUS_UNSET = 0;
const STATUS_OK = 1;
const STATUS_ERROR = 2;
const SPAN_KIND_INTERNAL = 1;

const HEX_32 = /^[0-9a-f]{32}$/;
const HEX_16 = /^[0-9a-f]{16}$/;
const NANOS = /^\d+$/;

function attributesOf(keyValues: readonly IKeyValue[] | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { key, value } of keyValues ?? []) {
    result[key] =
      value.stringValue ?? value.boolValue ?? value.intValue ?? value.doubleValue ?? value;
  }
  return result;
}

async function spansOf(...records: Parameters<typeof toOtlpTraces>[0][number][]) {
  const request: IExportTraceServiceRequest = await toOtlpTraces(records);
  const spans = request.resourceSpans?.[0]?.scopeSpans[0]?.spans;
  if (spans === undefined) throw new Error('no spans in the request');
  return spans;
}

describe('OTLP/JSON trace export', () => {
  it('nests spans as resourceSpans → scopeSpans → spans under our service and scope', async () => {
    const request = await toOtlpTraces([makeRecord()], { serviceName: 'lab-test' });

    expect(request.resourceSpans).toHaveLength(1);
    const resourceSpans = request.resourceSpans?.[0];
    expect(attributesOf(resourceSpans?.resource?.attributes)['service.name']).toBe('lab-test');
    expect(resourceSpans?.scopeSpans).toHaveLength(1);
    expect(resourceSpans?.scopeSpans[0]?.scope).toMatchObject({ name: 'lifecycle-lab' });
    expect(resourceSpans?.scopeSpans[0]?.spans).toHaveLength(1);
  });

  it('writes one span per event with its name, ids and unix-nano times as strings', async () => {
    const record = makeRecord();
    const [span] = await spansOf(record);

    expect(span?.name).toBe('simple');
    expect(span?.kind).toBe(SPAN_KIND_INTERNAL);
    expect(span?.traceId).toMatch(HEX_32);
    expect(span?.spanId).toMatch(HEX_16);
    expect(span?.traceId).toBe(record.id.replace(/-/g, ''));
    expect(span?.spanId).toBe(spanIdOf(record.id));
    const processing = record.transitions[1]?.at ?? 0;
    const completed = record.transitions[2]?.at ?? 0;
    expect(span?.startTimeUnixNano).toBe(String(processing * 1e6));
    expect(span?.endTimeUnixNano).toBe(String(completed * 1e6));
  });

  it('marks a completed event OK and carries its status, kind, retryable and attempt', async () => {
    const [span] = await spansOf(makeRecord({ attempt: 2 }));

    expect(span?.status.code).toBe(STATUS_OK);
    expect(attributesOf(span?.attributes)).toMatchObject({
      'lifecycle.event.status': 'completed',
      'lifecycle.event.kind': 'simple',
      'lifecycle.event.retryable': false,
      'lifecycle.event.attempt': 2,
    });
  });

  it('marks a failed event ERROR and records its error as an exception span event', async () => {
    const error = { error: 'ValidationError', message: 'bad input', retryable: false };
    const [span] = await spansOf(makeFailedRecord(error, false));

    expect(span?.status).toMatchObject({
      code: STATUS_ERROR,
      message: 'ValidationError: bad input',
    });
    const exception = span?.events.find((event) => event.name === 'exception');
    expect(exception?.timeUnixNano).toBe(span?.endTimeUnixNano);
    const attributes = attributesOf(exception?.attributes);
    expect(attributes['exception.type']).toBe('ValidationError');
    expect(attributes['exception.message']).toBe('bad input');
    expect(JSON.parse(attributes['lifecycle.error.json'] as string)).toEqual(error);
  });

  it('keeps the errors inside an aggregate in the exception event', async () => {
    const error = {
      error: 'AggregateError',
      message: 'two things',
      exceptions: [
        { error: 'TypeError', message: 'a' },
        { error: 'ConnectionError', message: 'b', retryable: true },
      ],
    };
    const [span] = await spansOf(makeFailedRecord(error, true));
    const exception = span?.events.find((event) => event.name === 'exception');
    const json = attributesOf(exception?.attributes)['lifecycle.error.json'] as string;
    expect(JSON.parse(json)).toEqual(error);
  });

  it('marks a skipped event UNSET and exports an unfinished one as a zero-length UNSET span', async () => {
    const created = Date.parse('2026-11-20T09:30:00.000Z');
    const skipped = makeRecord({
      id: '22222222-2222-4222-8222-222222222222',
      status: 'skipped',
      transitions: [
        { status: 'pending', at: created },
        { status: 'skipped', at: created + 1 },
      ],
    });
    const running = makeRecord({
      id: '33333333-3333-4333-8333-333333333333',
      status: 'processing',
      transitions: [
        { status: 'pending', at: created },
        { status: 'processing', at: created + 1 },
      ],
      retryable: null,
      duration: null,
    });
    const [skippedSpan, runningSpan] = await spansOf(skipped, running);

    expect(skippedSpan?.status.code).toBe(STATUS_UNSET);
    expect(runningSpan?.status.code).toBe(STATUS_UNSET);
    expect(runningSpan?.endTimeUnixNano).toBe(runningSpan?.startTimeUnixNano);
    expect(attributesOf(runningSpan?.attributes)).not.toHaveProperty('lifecycle.event.retryable');
  });

  it('puts a fresh attempt in its chain’s trace with a link to the attempt it came from', async () => {
    const firstId = '44444444-4444-4444-8444-444444444444';
    const first = makeFailedRecord({ error: 'Error', message: 'flaky' }, true, {
      id: firstId,
      chainId: firstId,
    });
    const second = makeRecord({
      id: '55555555-5555-4555-8555-555555555555',
      attempt: 2,
      originalId: firstId,
      chainId: firstId,
    });
    const [firstSpan, secondSpan] = await spansOf(first, second);

    expect(secondSpan?.traceId).toBe(firstSpan?.traceId);
    expect(firstSpan?.links).toEqual([]);
    expect(secondSpan?.links).toHaveLength(1);
    expect(secondSpan?.links[0]).toMatchObject({
      traceId: firstSpan?.traceId,
      spanId: firstSpan?.spanId,
    });
  });

  it('records every transition as a span event', async () => {
    const [span] = await spansOf(makeRecord());
    const transitions = span?.events.filter((event) => event.name === 'lifecycle.transition');
    expect(
      transitions?.map((event) => attributesOf(event.attributes)['lifecycle.event.status']),
    ).toEqual(['pending', 'processing', 'completed']);
  });

  it('gives every span valid ids and times, with the end never before the start', async () => {
    const records = [
      makeRecord(),
      makeFailedRecord({ error: 'string', message: 'thrown text' }, true, {
        id: 'not-a-uuid',
        chainId: 'not-a-uuid',
      }),
    ];
    const spans = await spansOf(...records);
    for (const span of spans) {
      expect(span.traceId).toMatch(HEX_32);
      expect(span.spanId).toMatch(HEX_16);
      const start = span.startTimeUnixNano;
      const end = span.endTimeUnixNano;
      if (typeof start !== 'string' || typeof end !== 'string') {
        throw new Error('OTLP/JSON times must be decimal strings');
      }
      expect(start).toMatch(NANOS);
      expect(end).toMatch(NANOS);
      expect(BigInt(end)).toBeGreaterThanOrEqual(BigInt(start));
    }
  });

  it('gives the same ids when the same records are exported twice', async () => {
    const records = [makeRecord()];
    expect(await toOtlpJson(records)).toBe(await toOtlpJson(records));
  });

  it('writes the very same text in slices, links across slices included', async () => {
    const first = makeRecord({ id: 'chain-start', chainId: 'chain-start' });
    const records = Array.from({ length: 2 * OTLP_SLICE + 17 }, (_, index) =>
      index % 3 === 0
        ? makeFailedRecord({ error: 'Error', message: `boom ${String(index)}` }, index % 2 === 0)
        : makeRecord({
            id: `r-${String(index)}`,
            chainId: 'chain-start',
            originalId: 'chain-start',
            attempt: 2,
          }),
    );
    records.push(first);
    const progress: number[] = [];
    const parts = await toOtlpJsonInSlices(records, {
      onProgress: (written) => progress.push(written),
    });
    expect(parts.join('')).toBe(await toOtlpJson(records));
    expect(progress).toEqual([OTLP_SLICE, 2 * OTLP_SLICE, records.length]);
    expect(await toOtlpJsonInSlices([])).toEqual([await toOtlpJson([])]);
  });

  it('writes JSON text that parses back to the request', async () => {
    const records = [makeRecord(), makeFailedRecord({ error: 'Error', message: 'x' }, true)];
    expect(JSON.parse(await toOtlpJson(records))).toEqual(await toOtlpTraces(records));
  });

  it('writes an empty request for no records', async () => {
    expect(await toOtlpTraces([])).toEqual({ resourceSpans: [] });
  });
});

describe('OTLP ids and times', () => {
  it('uses a UUID chain id as the trace id and hashes anything else to 32 hex digits', () => {
    expect(traceIdOf('4A1E0000-0000-4000-8000-000000001111')).toBe(
      '4a1e0000000040008000000000001111',
    );
    expect(traceIdOf('chain-1')).toMatch(HEX_32);
    expect(traceIdOf('chain-1')).not.toBe(traceIdOf('chain-2'));
    expect(traceIdOf('00000000-0000-0000-0000-000000000000')).not.toMatch(/^0+$/);
  });

  it('derives different span ids from different event ids', () => {
    const ids = new Set(Array.from({ length: 1000 }, (_, index) => spanIdOf(`event-${index}`)));
    expect(ids.size).toBe(1000);
  });

  it('splits epoch milliseconds into seconds and nanoseconds', () => {
    expect(toHrTime(1_700_000_000_123.456)).toEqual([1_700_000_000, 123_456_000]);
    expect(toHrTime(Number.NaN)).toEqual([0, 0]);
  });
});

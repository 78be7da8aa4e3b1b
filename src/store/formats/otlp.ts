import type {
  Attributes,
  HrTime,
  Link,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
} from '@opentelemetry/api';
import type { IKeyValue } from '@opentelemetry/otlp-transformer/build/src/common/internal-types';
import type { IExportTraceServiceRequest } from '@opentelemetry/otlp-transformer/build/src/trace/internal-types';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace';
import { isTerminalStatus, type ErrorDict } from '../../lib';
import type { EventRecord } from '../eventRecord';
import { yieldToBrowser } from '../yieldToBrowser';
import { toWellFormedJson } from './wellFormedText';
import type { SliceOptions } from './writeInSlices';
import { clampEpochMs } from './timeRange';

/**
 * OpenTelemetry export: event records as OTLP/JSON traces, the body an OTLP/HTTP collector
 * accepts at `POST /v1/traces` with `Content-Type: application/json`.
 *
 * - One span per event, named after its kind (`slow`, `http`, or the class of an import),
 *   from the moment it started processing (its creation, if it never ran) to its end.
 * - Span status: `OK` for completed, `ERROR` (with the error as message) for failed,
 *   cancelled and aborted, `UNSET` for skipped and for events that have not ended. An event
 *   that has not ended is exported as a zero-length span at its start: OTLP has no open spans.
 * - Attributes `lifecycle.event.{id,kind,status,retryable,attempt,source,…}`.
 * - The captured error as a span event `exception` with `exception.type` and
 *   `exception.message` (and the full serialized error, aggregates and causes included, as
 *   `lifecycle.error.json`); every transition as a span event `lifecycle.transition`.
 * - One trace per attempt chain (trace id from the chain's first event id); each fresh
 *   attempt has a span link to the attempt it was made from when that attempt is in the same
 *   export (a link must point at a span the file holds; otherwise only the attribute
 *   `lifecycle.event.original_id` names it). Span ids are derived from event ids, so exporting
 *   the same records twice gives the same ids.
 * - Text is valid UTF-8, as OTLP requires: unpaired UTF-16 surrogates (which Python writes for
 *   file names that are not valid UTF-8, and which arrive through lionherd logs) become
 *   U+FFFD. `lifecycle.event.duration_s` is always a double, `0` included.
 *
 * The encoding is done by OpenTelemetry's own `@opentelemetry/otlp-transformer`
 * (`JsonTraceSerializer`), loaded on first use so it stays out of the dashboard's main bundle.
 *
 * ```ts
 * const json = await toOtlpJson(records, { serviceName: 'my-dashboard' });
 * await fetch('http://localhost:4318/v1/traces', {
 *   method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json,
 * });
 * ```
 */

/** The OTLP/JSON `ExportTraceServiceRequest`, as OpenTelemetry's own types describe it. */
export type OtlpTraceRequest = IExportTraceServiceRequest;

export interface OtlpExportOptions {
  /** `service.name` of the resource (default `lifecycle-lab`). */
  serviceName?: string;
  /** Extra resource attributes, e.g. `deployment.environment.name`. */
  resourceAttributes?: Attributes;
}

/** Name and version of the instrumentation scope the spans are reported under. */
export const OTLP_SCOPE = { name: 'lifecycle-lab', version: '0.1.0' } as const;

/** Builds the OTLP/JSON request for `records` (see the module docs). */
export async function toOtlpTraces(
  records: readonly EventRecord[],
  options: OtlpExportOptions = {},
): Promise<OtlpTraceRequest> {
  const otel = await loadOpenTelemetry(toWellFormedJson(options));
  return requestFor(records, new Set(records.map((record) => record.id)), otel);
}

/** The request for `records`, whose links may point at any of `exported`. */
function requestFor(
  records: readonly EventRecord[],
  exported: ReadonlySet<string>,
  { JsonTraceSerializer, resource, codes }: Awaited<ReturnType<typeof loadOpenTelemetry>>,
): OtlpTraceRequest {
  const clean = records.map((record) => toWellFormedJson(record));
  const spans = clean.map((record) => toReadableSpan(record, resource, codes, exported));
  const bytes = JsonTraceSerializer.serializeRequest(spans);
  if (bytes === undefined) throw new Error('OpenTelemetry produced no trace request');
  const request = JSON.parse(new TextDecoder().decode(bytes)) as OtlpTraceRequest;
  for (const resourceSpans of request.resourceSpans ?? []) {
    for (const scopeSpans of resourceSpans.scopeSpans) {
      for (const span of scopeSpans.spans ?? []) writeAsDouble(span.attributes, DOUBLE_ATTRIBUTES);
    }
  }
  return request;
}

/** Attributes that are doubles even when their value is whole (`0`, `2`). */
const DOUBLE_ATTRIBUTES: ReadonlySet<string> = new Set(['lifecycle.event.duration_s']);

/**
 * OpenTelemetry's serializer writes a whole number as `intValue`, so a duration would change
 * type with its value; readers expect one type per attribute.
 */
function writeAsDouble(attributes: readonly IKeyValue[], keys: ReadonlySet<string>): void {
  for (const attribute of attributes) {
    const whole = attribute.value.intValue;
    if (!keys.has(attribute.key) || whole === undefined || whole === null) continue;
    attribute.value = { doubleValue: whole };
  }
}

/** {@link toOtlpTraces} as pretty-printed JSON text, ready to save or to POST. */
export async function toOtlpJson(
  records: readonly EventRecord[],
  options: OtlpExportOptions = {},
): Promise<string> {
  return JSON.stringify(await toOtlpTraces(records, options), null, 2);
}

/** Records turned into spans per slice of {@link toOtlpJsonInSlices}. */
export const OTLP_SLICE = 250;

/**
 * {@link toOtlpJson}'s very text, in parts for `new Blob(parts)`, made {@link OTLP_SLICE}
 * records at a time with the browser let in between: 20,000 events were one task of 3–4 s.
 * Every span goes in the one resource and scope the request has, so the text around the
 * spans is the same whatever the slice; it is taken from the first slice's request.
 */
export async function toOtlpJsonInSlices(
  records: readonly EventRecord[],
  options: OtlpExportOptions & SliceOptions = {},
): Promise<string[]> {
  if (records.length === 0) return [await toOtlpJson(records, options)];
  const otel = await loadOpenTelemetry(toWellFormedJson(options));
  const exported = new Set(records.map((record) => record.id));
  const parts: string[] = [];
  let tail = '';
  let indent = '';
  for (let start = 0; start < records.length; start += OTLP_SLICE) {
    if (start > 0) {
      options.onProgress?.(start, records.length);
      await yieldToBrowser();
    }
    options.signal?.throwIfAborted();
    const request = requestFor(records.slice(start, start + OTLP_SLICE), exported, otel);
    const scopeSpans = request.resourceSpans?.[0]?.scopeSpans[0];
    const spans = scopeSpans?.spans ?? [];
    if (start === 0) {
      // The request with a marker where its spans go: the text before and after it.
      const marker = 'lifecycle-lab:spans';
      const frame = JSON.stringify(
        {
          ...request,
          resourceSpans: [
            { ...request.resourceSpans?.[0], scopeSpans: [{ ...scopeSpans, spans: [marker] }] },
          ],
        },
        null,
        2,
      );
      const quoted = JSON.stringify(marker);
      const at = frame.indexOf(quoted);
      const lineStart = frame.lastIndexOf('\n', at) + 1;
      indent = frame.slice(lineStart, at);
      parts.push(frame.slice(0, at));
      tail = frame.slice(at + quoted.length);
    }
    const text = spans
      .map((span) => JSON.stringify(span, null, 2).replaceAll('\n', `\n${indent}`))
      .join(`,\n${indent}`);
    parts.push(start === 0 ? text : `,\n${indent}${text}`);
  }
  options.onProgress?.(records.length, records.length);
  parts.push(tail);
  return parts;
}

/** The enum values used from `@opentelemetry/api`, read from the loaded module. */
interface OtelCodes {
  spanKindInternal: SpanKind;
  statusOk: SpanStatusCode;
  statusError: SpanStatusCode;
  statusUnset: SpanStatusCode;
  traceFlagsSampled: TraceFlags;
}

async function loadOpenTelemetry(options: OtlpExportOptions) {
  const [api, transformer, resources] = await Promise.all([
    import('@opentelemetry/api'),
    import('@opentelemetry/otlp-transformer'),
    import('@opentelemetry/resources'),
  ]);
  const resource = resources.resourceFromAttributes({
    ...options.resourceAttributes,
    'service.name': options.serviceName ?? 'lifecycle-lab',
  });
  const codes: OtelCodes = {
    spanKindInternal: api.SpanKind.INTERNAL,
    statusOk: api.SpanStatusCode.OK,
    statusError: api.SpanStatusCode.ERROR,
    statusUnset: api.SpanStatusCode.UNSET,
    traceFlagsSampled: api.TraceFlags.SAMPLED,
  };
  return { JsonTraceSerializer: transformer.JsonTraceSerializer, resource, codes };
}

function toReadableSpan(
  record: EventRecord,
  resource: Resource,
  codes: OtelCodes,
  exported: ReadonlySet<string>,
): ReadableSpan {
  const transitions = record.transitions;
  const created = Date.parse(record.createdAt);
  const startMs =
    transitions.find((transition) => transition.status === 'processing')?.at ??
    transitions[0]?.at ??
    created;
  const ended = isTerminalStatus(record.status);
  const last = transitions[transitions.length - 1];
  const endMs = ended && last !== undefined ? Math.max(last.at, startMs) : startMs;
  const traceId = traceIdOf(record.chainId);
  const spanId = spanIdOf(record.id);
  const error = record.execution.error;

  const events: TimedEvent[] = transitions.map((transition) => {
    const attributes: Attributes = { 'lifecycle.event.status': transition.status };
    if (transition.reason !== undefined)
      attributes['lifecycle.transition.reason'] = transition.reason;
    return { name: 'lifecycle.transition', time: toHrTime(transition.at), attributes };
  });
  if (error !== null) events.push(exceptionEvent(error, toHrTime(endMs)));

  const links: Link[] = [];
  if (record.originalId !== null && exported.has(record.originalId)) {
    links.push({
      context: {
        traceId,
        spanId: spanIdOf(record.originalId),
        traceFlags: codes.traceFlagsSampled,
      },
      attributes: { 'lifecycle.link': 'fresh attempt of', 'lifecycle.event.id': record.originalId },
    });
  }

  const startTime = toHrTime(startMs);
  const endTime = toHrTime(endMs);
  return {
    name: record.kind,
    kind: codes.spanKindInternal,
    spanContext: () => ({ traceId, spanId, traceFlags: codes.traceFlagsSampled }),
    startTime,
    endTime,
    duration: toHrTime(endMs - startMs),
    status: statusOf(record, codes),
    attributes: attributesOf(record),
    links,
    events,
    ended: true,
    resource,
    instrumentationScope: OTLP_SCOPE,
    droppedAttributesCount: 0,
    droppedEventsCount: 0,
    droppedLinksCount: 0,
  };
}

function statusOf(record: EventRecord, codes: OtelCodes): ReadableSpan['status'] {
  switch (record.status) {
    case 'completed':
      return { code: codes.statusOk };
    case 'failed':
    case 'cancelled':
    case 'aborted': {
      const error = record.execution.error;
      const message = error === null ? record.status : `${error.error}: ${error.message}`;
      return { code: codes.statusError, message };
    }
    default:
      return { code: codes.statusUnset };
  }
}

function attributesOf(record: EventRecord): Attributes {
  const attributes: Attributes = {
    'lifecycle.event.id': record.id,
    'lifecycle.event.kind': record.kind,
    'lifecycle.event.label': record.label,
    'lifecycle.event.status': record.status,
    'lifecycle.event.attempt': record.attempt,
    'lifecycle.event.chain_id': record.chainId,
    'lifecycle.event.source': record.source,
  };
  if (record.retryable !== null) attributes['lifecycle.event.retryable'] = record.retryable;
  if (record.duration !== null) attributes['lifecycle.event.duration_s'] = record.duration;
  if (record.originalId !== null) attributes['lifecycle.event.original_id'] = record.originalId;
  if (record.verdict !== null) attributes['lifecycle.event.verdict'] = record.verdict;
  if (record.importedFrom?.lionClass !== undefined) {
    attributes['lionherd.lion_class'] = record.importedFrom.lionClass;
  }
  return attributes;
}

function exceptionEvent(error: ErrorDict, time: HrTime): TimedEvent {
  return {
    name: 'exception',
    time,
    attributes: {
      'exception.type': error.error,
      'exception.message': error.message,
      'lifecycle.error.json': JSON.stringify(error),
    },
  };
}

/** The last millisecond an unsigned 64-bit count of nanoseconds holds (in 2554). */
const LATEST_OTLP_MS = 18_446_744_073_709;

/**
 * Epoch milliseconds (fractions allowed) as OpenTelemetry's `[seconds, nanoseconds]`, to the
 * microsecond: a double holding epoch milliseconds carries no finer digits than that.
 */
export function toHrTime(epochMs: number): HrTime {
  // OTLP times are unsigned 64-bit nanoseconds: a time out of that range is clamped to it.
  const safe = Math.min(clampEpochMs(epochMs), LATEST_OTLP_MS);
  let seconds = Math.floor(safe / 1000);
  let micros = Math.round((safe - seconds * 1000) * 1000);
  if (micros >= 1_000_000) {
    seconds += 1;
    micros -= 1_000_000;
  }
  return [seconds, micros * 1000];
}

/** 32 hex digits: the chain's UUID without dashes, or a hash of an id that is not a UUID. */
export function traceIdOf(chainId: string): string {
  const hex = chainId.replace(/-/g, '').toLowerCase();
  if (/^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex)) return hex;
  return nonZero(fnv1a64(chainId, 0n) + fnv1a64(chainId, 1n));
}

/** 16 hex digits derived from the event id: the same id always gives the same span id. */
export function spanIdOf(eventId: string): string {
  return nonZero(fnv1a64(eventId, 0n));
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = (1n << 64n) - 1n;

/** FNV-1a, 64 bits, over the UTF-16 code units of `text`, salted with `seed`. */
function fnv1a64(text: string, seed: bigint): string {
  let hash = FNV_OFFSET ^ seed;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/** All-zero ids are invalid in OpenTelemetry. */
function nonZero(hex: string): string {
  return /^0+$/.test(hex) ? `${hex.slice(0, -1)}1` : hex;
}

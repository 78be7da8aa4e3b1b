import protobuf from 'protobufjs';
import traceServiceProto from '../fixtures/opentelemetry-proto/opentelemetry/proto/collector/trace/v1/trace_service.proto?raw';
import commonProto from '../fixtures/opentelemetry-proto/opentelemetry/proto/common/v1/common.proto?raw';
import resourceProto from '../fixtures/opentelemetry-proto/opentelemetry/proto/resource/v1/resource.proto?raw';
import traceProto from '../fixtures/opentelemetry-proto/opentelemetry/proto/trace/v1/trace.proto?raw';

/**
 * A checker of OTLP/JSON against the official opentelemetry-proto definitions
 * (`tests/fixtures/opentelemetry-proto`), following the OTLP/JSON rules of the OTLP
 * specification: field names in lowerCamelCase, unknown fields rejected, enums as integers,
 * trace and span ids as hex (not base64), 64-bit integers as decimal strings or numbers, and
 * every string valid UTF-8.
 */

function loadRoot(): protobuf.Root {
  const root = new protobuf.Root();
  // Each file's imports come before it, so every type it names is already known.
  for (const source of [commonProto, resourceProto, traceProto, traceServiceProto]) {
    protobuf.parse(source, root);
  }
  root.resolveAll();
  return root;
}

/** `true` when `text` has no unpaired surrogate: UTF-8 encoding leaves it unchanged. */
function isValidUtf8(text: string): boolean {
  return new TextDecoder().decode(new TextEncoder().encode(text)) === text;
}

const root = loadRoot();

/** The request a collector accepts at `POST /v1/traces`. */
export const EXPORT_TRACE_SERVICE_REQUEST = root.lookupType(
  'opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest',
);

const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);
/** OTLP/JSON writes these `bytes` fields as hex, with their exact lengths. */
const HEX_IDS: Record<string, RegExp> = {
  traceId: /^([0-9a-f]{32})?$/,
  spanId: /^([0-9a-f]{16})?$/,
  parentSpanId: /^([0-9a-f]{16})?$/,
};

/** Every way `json` breaks the OTLP/JSON form of `type`, as `path: what`; empty when none. */
export function otlpJsonProblems(
  json: unknown,
  type: protobuf.Type = EXPORT_TRACE_SERVICE_REQUEST,
): string[] {
  const problems: string[] = [];
  checkMessage(type, json, '$', problems);
  return problems;
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, problems: string[]) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path}: expected a ${type.name} object`);
    return;
  }
  const oneofs = new Map<string, string>();
  for (const [key, item] of Object.entries(value)) {
    const field = type.fields[key];
    if (field === undefined) {
      problems.push(`${path}.${key}: ${type.name} has no field '${key}'`);
      continue;
    }
    if (field.partOf) {
      const other = oneofs.get(field.partOf.name);
      if (other !== undefined) problems.push(`${path}: both '${other}' and '${key}' are set`);
      oneofs.set(field.partOf.name, key);
    }
    if (item === null) continue; // a default
    if (field.repeated) {
      if (!Array.isArray(item)) {
        problems.push(`${path}.${key}: expected an array`);
        continue;
      }
      item.forEach((element: unknown, index) => {
        checkValue(field, element, `${path}.${key}[${String(index)}]`, problems);
      });
    } else {
      checkValue(field, item, `${path}.${key}`, problems);
    }
  }
}

function checkValue(field: protobuf.Field, value: unknown, path: string, problems: string[]) {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) {
    checkMessage(resolved, value, path, problems);
    return;
  }
  if (resolved instanceof protobuf.Enum) {
    if (!Number.isInteger(value) || !Object.values(resolved.values).includes(value as number)) {
      problems.push(`${path}: expected an integer ${resolved.name}, got ${JSON.stringify(value)}`);
    }
    return;
  }
  const bad = (what: string): void => {
    problems.push(`${path}: expected ${what}, got ${JSON.stringify(value)}`);
  };
  if (field.type === 'string') {
    if (typeof value !== 'string') bad('a string');
    else if (!isValidUtf8(value)) bad('text that is valid UTF-8 (no unpaired surrogates)');
  } else if (field.type === 'bytes') {
    const hex = HEX_IDS[field.name];
    if (hex === undefined) bad('no bytes field besides the ids');
    else if (typeof value !== 'string' || !hex.test(value)) bad('a lowercase hex id');
  } else if (field.type === 'bool') {
    if (typeof value !== 'boolean') bad('a boolean');
  } else if (field.type === 'double' || field.type === 'float') {
    if (typeof value !== 'number' && !['NaN', 'Infinity', '-Infinity'].includes(String(value))) {
      bad('a number');
    }
  } else if (INT64.has(field.type)) {
    const ok =
      (typeof value === 'string' && /^-?\d+$/.test(value)) ||
      (typeof value === 'number' && Number.isSafeInteger(value));
    if (!ok) bad('a 64-bit integer as a decimal string or a number');
  } else if (INT32.has(field.type)) {
    if (!Number.isInteger(value)) bad('an integer');
  } else {
    bad(`a value of the unsupported type ${field.type}`);
  }
}

/**
 * The request through the binary protobuf encoding and back: ids as bytes, every field by its
 * number. What the collector would receive over gRPC, as plain data.
 */
export function roundTripThroughProtobuf(json: unknown): Record<string, unknown> {
  const message = EXPORT_TRACE_SERVICE_REQUEST.fromObject(idsToBytes(json) as object);
  const bytes = EXPORT_TRACE_SERVICE_REQUEST.encode(message).finish();
  return EXPORT_TRACE_SERVICE_REQUEST.toObject(EXPORT_TRACE_SERVICE_REQUEST.decode(bytes), {
    longs: String,
    bytes: String,
  });
}

/** OTLP/JSON writes ids as hex; protobufjs takes `bytes` as bytes (or base64). */
function idsToBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(idsToBytes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key in HEX_IDS && typeof item === 'string' ? hexToBytes(item) : idsToBytes(item),
    ]),
  );
}

function hexToBytes(hex: string): Uint8Array {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => Number.parseInt(pair, 16));
}

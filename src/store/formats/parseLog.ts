import type { EventRecord } from '../eventRecord';
import { MAX_IMPORT_BYTES } from './log';
import { describeIssues, eventRecordSchema } from '../recordSchema';
import type { LogFormat } from '../types';
import { z } from '../zod';

const lifecycleLabLogSchema = z.object({
  format: z.literal('lifecycle-lab'),
  version: z.literal(1, { error: 'expected 1 (the only version this dashboard reads)' }),
  exportedAt: z.string(),
  records: z.array(eventRecordSchema),
});

/** A parser of one foreign log format: records out, or what is wrong and where. */
export type LogParser = (
  data: unknown,
  fileName?: string,
) => { ok: true; records: EventRecord[] } | { ok: false; error: string };

export type ParsedLog =
  { ok: true; format: LogFormat; records: EventRecord[] } | { ok: false; error: string };

/**
 * Reads a log file's text: size, JSON, then the format — our export (an object with
 * `format: 'lifecycle-lab'`) or a lionherd-core log (a JSON array of `Event.to_dict` records,
 * read by `parseLionherd`). Never throws.
 */
export function parseLog(text: unknown, parseLionherd: LogParser, fileName?: string): ParsedLog {
  const where = fileName === undefined || fileName === '' ? 'The file' : `"${fileName}"`;
  if (typeof text !== 'string') return { ok: false, error: `${where} could not be read as text.` };
  const bytes = byteLength(text);
  if (bytes > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `${where} is ${formatMegabytes(bytes)}; the largest log this dashboard imports is ${formatMegabytes(MAX_IMPORT_BYTES)}.`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${where} is not valid JSON: ${detail}` };
  }
  if (Array.isArray(data)) {
    let parsed: ReturnType<LogParser>;
    try {
      parsed = parseLionherd(data, fileName);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, error: `${where} could not be read as a lionherd-core log: ${detail}` };
    }
    if (!parsed.ok)
      return { ok: false, error: `${where} is not a valid lionherd-core log: ${parsed.error}` };
    // Whatever the parser made must be a record this store can keep and reload.
    for (const [index, record] of parsed.records.entries()) {
      const checked = eventRecordSchema.safeParse(record);
      if (!checked.success) {
        return {
          ok: false,
          error: `${where} could not be read as a lionherd-core log: ${describeIssues(checked.error, `[${index}]`, 1)}`,
        };
      }
    }
    return { ok: true, format: 'lionherd', records: parsed.records };
  }
  if (typeof data === 'object' && data !== null && 'format' in data) {
    if (data.format !== 'lifecycle-lab') {
      return {
        ok: false,
        error: `${where} has format ${JSON.stringify(data.format)}; this dashboard reads "lifecycle-lab" exports and lionherd-core logs.`,
      };
    }
    const log = lifecycleLabLogSchema.safeParse(data);
    if (!log.success) {
      return {
        ok: false,
        error: `${where} is not a valid Lifecycle Lab log: ${describeIssues(log.error)}`,
      };
    }
    return { ok: true, format: 'lifecycle-lab', records: log.data.records };
  }
  return {
    ok: false,
    error: `${where} is not a log this dashboard reads: expected a Lifecycle Lab export ({ "format": "lifecycle-lab", … }) or a lionherd-core log (a JSON array of Event.to_dict records).`,
  };
}

/** UTF-8 size of `text`, without encoding it when its length already decides. */
function byteLength(text: string): number {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length > MAX_IMPORT_BYTES || text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`;
}

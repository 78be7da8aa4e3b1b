import type { EventRecord } from '../eventRecord';
import { describeIssues, eventRecordSchema } from '../recordSchema';
import type { LogFormat } from '../types';
import { z } from '../zod';
import type {
  LionherdReadOptions,
  LionherdReadResult,
  MergedSnapshots,
  RecordProblem,
} from './lionherd';
import { MAX_IMPORT_BYTES } from './log';

const lifecycleLabLogSchema = z.object({
  format: z.literal('lifecycle-lab'),
  version: z.literal(1, { error: 'expected 1 (the only version this dashboard reads)' }),
  exportedAt: z.string(),
  records: z.array(eventRecordSchema),
});

/** The lionherd-core log readers (./lionherd), handed in so they load lazily. */
export interface LionherdReaders {
  parseLionherdLog: (
    data: unknown,
    fileName?: string,
    options?: LionherdReadOptions,
  ) => LionherdReadResult;
  parseLionherdLines: (
    text: string,
    fileName?: string,
    options?: LionherdReadOptions,
  ) => LionherdReadResult;
}

export type ParsedLog =
  | {
      ok: true;
      format: LogFormat;
      records: EventRecord[];
      /** Events a lionherd log wrote more than once, merged into one each. */
      merged?: MergedSnapshots;
      /** Records of a lionherd log left out because they do not fit (with `importValid`). */
      leftOut?: RecordProblem[];
    }
  | {
      ok: false;
      error: string;
      /** When some records of a lionherd log fit: what an import of those alone would do. */
      partial?: { problems: RecordProblem[]; importable: number };
    };

/**
 * Reads a log file's text: size, JSON, then the format — our export (an object with
 * `format: 'lifecycle-lab'`) or a lionherd-core log (a JSON array of `Event.to_dict` records,
 * or JSON Lines with one per line). Never throws.
 */
export function parseLog(
  text: unknown,
  lionherd: LionherdReaders,
  fileName?: string,
  options: LionherdReadOptions = {},
): ParsedLog {
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
    // JSON Lines: not one JSON value, but a whole record on each line.
    if (firstLineIsJsonObject(text)) {
      return checkLionherd(where, () => lionherd.parseLionherdLines(text, fileName, options));
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${where} is not valid JSON: ${detail}` };
  }
  if (Array.isArray(data)) {
    return checkLionherd(where, () => lionherd.parseLionherdLog(data, fileName, options));
  }
  if (typeof data === 'object' && data !== null && !('format' in data) && 'execution' in data) {
    // JSON Lines holding a single record.
    return checkLionherd(where, () => lionherd.parseLionherdLines(text, fileName, options));
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
    error: `${where} is not a log this dashboard reads: expected a Lifecycle Lab export ({ "format": "lifecycle-lab", … }) or a lionherd-core log (Event.to_dict records as a JSON array or one per line).`,
  };
}

/** Runs a lionherd reader, then checks that what it made are records this store can keep. */
function checkLionherd(where: string, read: () => LionherdReadResult): ParsedLog {
  let parsed: LionherdReadResult;
  try {
    parsed = read();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${where} could not be read as a lionherd-core log: ${detail}` };
  }
  if (!parsed.ok) {
    const error = `${where} is not a valid lionherd-core log: ${parsed.error}`;
    if (parsed.importable === 0 || parsed.problems.length === 0) return { ok: false, error };
    return {
      ok: false,
      error,
      partial: { problems: parsed.problems, importable: parsed.importable },
    };
  }
  for (const [index, record] of parsed.records.entries()) {
    const checked = eventRecordSchema.safeParse(record);
    if (!checked.success) {
      return {
        ok: false,
        error: `${where} could not be read as a lionherd-core log: ${describeIssues(checked.error, `[${index}]`, 1)}`,
      };
    }
  }
  return {
    ok: true,
    format: 'lionherd',
    records: parsed.records,
    merged: parsed.merged,
    leftOut: parsed.leftOut,
  };
}

function firstLineIsJsonObject(text: string): boolean {
  const line = /^\s*(\{.*)$/m.exec(text)?.[1];
  if (line === undefined) return false;
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
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

import type { EventRecord } from '../eventRecord';
import { compareByCreated } from '../createdMs';
import { describeIssues, eventRecordSchema } from '../recordSchema';
import type { LogFormat } from '../types';
import { z } from '../zod';
import type {
  LionherdReadOptions,
  LionherdReadResult,
  MergedSnapshots,
  RecordProblem,
} from './lionherd';
import { checkLifecycleLabRecord } from './checkLifecycleLabRecord';
import { MAX_IMPORT_BYTES } from './log';
import { describeRecordProblems } from './recordProblems';

/** Our export's envelope; its records are checked one by one (`checkLifecycleLabRecord`). */
const lifecycleLabEnvelopeSchema = z.object({
  format: z.literal('lifecycle-lab'),
  version: z.literal(1, { error: 'expected 1 (the only version this dashboard reads)' }),
  exportedAt: z.string(),
  records: z.array(z.unknown()),
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

export interface ReadLogStepsOptions extends LionherdReadOptions {
  /** Largest file read, in UTF-8 bytes (default {@link MAX_IMPORT_BYTES}). */
  maxBytes?: number;
}

/** How far a read has come: records checked of the file's records. */
export interface ReadLogProgress {
  checked: number;
  total: number;
}

/** Records of our own format checked between two yields of {@link readLogSteps}. */
export const RECORDS_PER_STEP = 250;

/**
 * Reads a log file's text: size, JSON, then the format — our export (an object with
 * `format: 'lifecycle-lab'`) or a lionherd-core log (a JSON array of `Event.to_dict` records,
 * or JSON Lines with one per line). Never throws.
 */
export function parseLog(
  text: unknown,
  lionherd: LionherdReaders,
  fileName?: string,
  options: ReadLogStepsOptions = {},
): ParsedLog {
  const steps = readLogSteps(text, lionherd, fileName, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * {@link parseLog} in steps: it yields its progress after every {@link RECORDS_PER_STEP}
 * records of our format and returns what `parseLog` returns, so a caller can run it in a
 * worker and report progress, or on the main thread and let the browser in between steps.
 * (Parsing the JSON itself and reading a lionherd log are one step each.)
 */
export function* readLogSteps(
  text: unknown,
  lionherd: LionherdReaders,
  fileName?: string,
  options: ReadLogStepsOptions = {},
): Generator<ReadLogProgress, ParsedLog, void> {
  const maxBytes = options.maxBytes ?? MAX_IMPORT_BYTES;
  const where = whereOf(fileName);
  if (typeof text !== 'string') return { ok: false, error: `${where} could not be read as text.` };
  const bytes = byteLength(text, maxBytes);
  if (bytes > maxBytes) return { ok: false, error: tooLargeError(where, bytes, maxBytes) };
  // JSON.parse would say "Unexpected end of JSON input", which names no cause.
  if (/^\s*$/.test(text)) return { ok: false, error: `${where} is empty: it holds no records.` };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    // JSON Lines: not one JSON value, but a whole record on each line (a bad line among
    // them, the first one included, is named by its number).
    if (someLineIsJsonObject(text)) {
      return checkLionherd(where, () => lionherd.parseLionherdLines(text, fileName, options));
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${where} is not valid JSON: ${detail}` };
  }
  if (Array.isArray(data)) {
    const items: unknown[] = data;
    return checkLionherd(where, () => lionherd.parseLionherdLog(items, fileName, options));
  }
  if (typeof data === 'object' && data !== null && !('format' in data) && 'execution' in data) {
    // One record, on one line or pretty-printed (`json.dump(event.to_dict(), f, indent=2)`).
    const single: unknown[] = [data];
    return checkLionherd(where, () => lionherd.parseLionherdLog(single, fileName, options));
  }
  if (typeof data === 'object' && data !== null && 'format' in data) {
    if (data.format !== 'lifecycle-lab') {
      return {
        ok: false,
        error: `${where} has format ${JSON.stringify(data.format)}; this dashboard reads "lifecycle-lab" exports and lionherd-core logs.`,
      };
    }
    const envelope = lifecycleLabEnvelopeSchema.safeParse(data);
    if (!envelope.success) {
      return {
        ok: false,
        error: `${where} is not a valid Lifecycle Lab log: ${describeIssues(envelope.error)}`,
      };
    }
    return yield* readLifecycleLabRecords(where, envelope.data.records, options);
  }
  return {
    ok: false,
    error: `${where} is not a log this dashboard reads: expected a Lifecycle Lab export ({ "format": "lifecycle-lab", … }) or a lionherd-core log (Event.to_dict records as a JSON array or one per line).`,
  };
}

/**
 * Checks the records of our own format one by one, so a file of 100,000 bad records costs
 * one problem list, never one giant validation (whose issue list once overflowed the stack).
 * A second record with an id already seen in the file is a problem of its own: the file is
 * not what our export writes.
 */
function* readLifecycleLabRecords(
  where: string,
  items: readonly unknown[],
  options: LionherdReadOptions,
): Generator<ReadLogProgress, ParsedLog, void> {
  const records: EventRecord[] = [];
  const problems: RecordProblem[] = [];
  // Ids are data: a Map, so `__proto__` or `constructor` are ids like any other.
  const firstIndexOfId = new Map<string, number>();
  for (let index = 0; index < items.length; index += 1) {
    if (index > 0 && index % RECORDS_PER_STEP === 0) yield { checked: index, total: items.length };
    const name = `records[${index}]`;
    const checked = checkLifecycleLabRecord(items[index], name);
    if (!checked.ok) {
      problems.push(...checked.problems);
      continue;
    }
    const first = firstIndexOfId.get(checked.record.id);
    if (first !== undefined) {
      problems.push({
        record: name,
        field: 'id',
        message: `${JSON.stringify(checked.record.id)} is a duplicate in the file: records[${first}] has the same id`,
      });
      continue;
    }
    firstIndexOfId.set(checked.record.id, index);
    records.push(checked.record);
  }
  yield { checked: items.length, total: items.length };
  if (problems.length > 0 && options.importValid !== true) {
    const error = `${where} is not a valid Lifecycle Lab log: ${describeRecordProblems(problems)}`;
    return records.length === 0
      ? { ok: false, error }
      : { ok: false, error, partial: { problems, importable: records.length } };
  }
  return { ok: true, format: 'lifecycle-lab', records, leftOut: problems };
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
    // lionherd logs run oldest first; the dashboard lists newest first. Timestamps may carry
    // any UTC offset: compare the times, not the text; records of one millisecond by id, as
    // the history lists them. Sorted here, where the reading runs: off the page's thread.
    records: [...parsed.records].sort((a, b) => compareByCreated(b, a)),
    merged: parsed.merged,
    leftOut: parsed.leftOut,
  };
}

/** Lines looked at to tell JSON Lines from a file that is not JSON at all. */
const LINES_LOOKED_AT = 5;

/** Whether one of the first lines that start with `{` is a whole JSON object. */
function someLineIsJsonObject(text: string): boolean {
  const lines = /^\s*(\{.*)$/gm;
  for (let looked = 0; looked < LINES_LOOKED_AT; looked++) {
    const line = lines.exec(text)?.[1];
    if (line === undefined) return false;
    try {
      const value: unknown = JSON.parse(line);
      if (typeof value === 'object' && value !== null) return true;
    } catch {
      // Another line may be one.
    }
  }
  return false;
}

/** UTF-8 size of `text`, without encoding it when its length already decides. */
function byteLength(text: string, maxBytes: number): number {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes.
  if (text.length > maxBytes || text.length * 3 <= maxBytes) return text.length;
  return new TextEncoder().encode(text).length;
}

/** How messages name a file: its quoted name, or "The file" when it has none. */
export function whereOf(fileName: string | undefined): string {
  return fileName === undefined || fileName === '' ? 'The file' : `"${fileName}"`;
}

/** Why a file of `bytes` is not read, `where` naming it ({@link whereOf}). */
export function tooLargeError(where: string, bytes: number, maxBytes: number): string {
  return `${where} is ${formatMegabytes(bytes)}; the largest log this dashboard imports is ${formatMegabytes(maxBytes)}.`;
}

function formatMegabytes(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`;
}

import type { EventRecord } from '../eventRecord';
import type { LionherdReadOptions } from './lionherd';
import type { ParsedLog } from './parseLog';

/** What the page asks the log worker (./logWorker) to read. */
export interface LogWorkerRequest {
  /** The file, or its text. A `File` is handed over without copying its contents. */
  source: string | Blob;
  fileName?: string;
  options: LionherdReadOptions;
}

/**
 * What the worker answers: progress while it checks, the records in batches (each batch is
 * its own short task to copy in on the page), then the result without its records.
 */
export type LogWorkerMessage =
  | { type: 'progress'; checked: number; total: number }
  | { type: 'records'; records: EventRecord[] }
  | { type: 'done'; result: ParsedLog };

/** Records per `records` message: copying 500 into the page takes a few milliseconds. */
export const RECORDS_PER_MESSAGE = 500;

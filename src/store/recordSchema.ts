import { z } from 'zod';
import { EVENT_STATUSES, type ErrorDict, type EventStatus, type ExecutionDict } from '../lib';
import type { EventRecord } from './eventRecord';

/**
 * Schemas of the store's plain data, used at every edge where it comes back in: stored
 * history and imported logs. Unknown keys inside errors are kept, so nothing a log carries
 * is lost; unknown keys on a record are dropped.
 */

export const eventStatusSchema = z.enum(EVENT_STATUSES as [EventStatus, ...EventStatus[]]);

const jsonSchema = z.json();

export const errorDictSchema: z.ZodType<ErrorDict> = z.lazy(() =>
  z
    .object({
      error: z.string(),
      message: z.string(),
      retryable: z.boolean().optional(),
      details: z.record(z.string(), jsonSchema).optional(),
      exceptions: z.array(errorDictSchema).optional(),
      cause: errorDictSchema.optional(),
      nested_count: z.number().optional(),
      omitted_count: z.number().optional(),
    })
    .loose(),
);

export const executionDictSchema: z.ZodType<ExecutionDict> = z.object({
  status: eventStatusSchema,
  duration: z.number().nonnegative().nullable(),
  response: jsonSchema,
  error: errorDictSchema.nullable(),
  retryable: z.boolean().nullable(),
});

export const transitionSchema = z.object({
  status: eventStatusSchema,
  at: z.number(),
  reason: z.string().optional(),
});

export const eventRecordSchema: z.ZodType<EventRecord> = z.object({
  id: z.string().min(1),
  kind: z.string(),
  label: z.string(),
  params: z.record(z.string(), jsonSchema),
  status: eventStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  transitions: z.array(transitionSchema).min(1),
  duration: z.number().nonnegative().nullable(),
  progress: z.number().min(0).max(1).nullable(),
  progressMessage: z.string().nullable(),
  execution: executionDictSchema,
  retryable: z.boolean().nullable(),
  verdict: z.string().nullable(),
  metadata: z.record(z.string(), jsonSchema),
  attempt: z.number().int().min(1),
  originalId: z.string().nullable(),
  chainId: z.string().min(1),
  invokeCalls: z.number().int().min(0),
  runs: z.number().int().min(0).max(1),
  source: z.enum(['live', 'restored', 'imported']),
  importedFrom: z
    .object({
      format: z.enum(['lifecycle-lab', 'lionherd']),
      lionClass: z.string().optional(),
      fileName: z.string().optional(),
    })
    .optional(),
});

/**
 * The first few problems of a failed parse, each as `where: what`, e.g.
 * `records[3].status: expected one of pending|processing|…`.
 */
export function describeIssues(error: z.ZodError, prefix = '', limit = 3): string {
  const lines = error.issues.slice(0, limit).map((issue) => {
    const where = formatPath(prefix, issue.path);
    return `${where === '' ? '(top level)' : where}: ${describeIssue(issue)}`;
  });
  const more = error.issues.length - limit;
  if (more > 0) lines.push(`and ${more} more problem${more === 1 ? '' : 's'}`);
  return lines.join('; ');
}

/** `records[3].execution.status` from `['records', 3, 'execution', 'status']`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let text = prefix;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // A message written for the schema says it best.
  if (!issue.message.startsWith('Invalid') && !issue.message.startsWith('Too ')) {
    return issue.message;
  }
  switch (issue.code) {
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${String(issue.values[0])}`
        : `expected one of ${issue.values.map(String).join('|')}`;
    case 'invalid_union':
      return 'expected JSON data (text, number, true/false, null, list or object)';
    default:
      return issue.message.replace(/^Invalid input: /, '');
  }
}

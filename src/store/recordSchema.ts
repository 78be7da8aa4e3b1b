import { z } from './zod';
import { EVENT_STATUSES, type ErrorDict, type EventStatus, type ExecutionDict } from '../lib';
import type { EventRecord } from './eventRecord';

/**
 * Schemas of the store's plain data, used at every edge where it comes back in: stored
 * history and imported logs. Unknown keys inside errors are kept, so nothing a log carries
 * is lost; unknown keys on a record are dropped.
 */

export const eventStatusSchema = z.enum(EVENT_STATUSES as [EventStatus, ...EventStatus[]]);

const jsonSchema = z.json();

export const errorDictSchema: z.ZodMiniType<ErrorDict> = z.lazy(() =>
  z.looseObject({
    error: z.string(),
    message: z.string(),
    retryable: z.optional(z.boolean()),
    details: z.optional(z.record(z.string(), jsonSchema)),
    exceptions: z.optional(z.array(errorDictSchema)),
    cause: z.optional(errorDictSchema),
    nested_count: z.optional(z.number()),
    omitted_count: z.optional(z.number()),
  }),
);

const durationSchema = z.nullable(z.number().check(z.nonnegative()));

export const executionDictSchema: z.ZodMiniType<ExecutionDict> = z.object({
  status: eventStatusSchema,
  duration: durationSchema,
  response: jsonSchema,
  error: z.nullable(errorDictSchema),
  retryable: z.nullable(z.boolean()),
});

export const transitionSchema = z.object({
  status: eventStatusSchema,
  at: z.number(),
  reason: z.optional(z.string()),
});

export const eventRecordSchema: z.ZodMiniType<EventRecord> = z.object({
  id: z.string().check(z.minLength(1)),
  kind: z.string(),
  label: z.string(),
  params: z.record(z.string(), jsonSchema),
  status: eventStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
  transitions: z.array(transitionSchema).check(z.minLength(1)),
  duration: durationSchema,
  progress: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  progressMessage: z.nullable(z.string()),
  execution: executionDictSchema,
  retryable: z.nullable(z.boolean()),
  verdict: z.nullable(z.string()),
  metadata: z.record(z.string(), jsonSchema),
  attempt: z.number().check(z.int(), z.minimum(1)),
  originalId: z.nullable(z.string()),
  chainId: z.string().check(z.minLength(1)),
  invokeCalls: z.number().check(z.int(), z.minimum(0)),
  runs: z.number().check(z.int(), z.minimum(0), z.maximum(1)),
  source: z.enum(['live', 'restored', 'imported', 'remote']),
  importedFrom: z.optional(
    z.object({
      format: z.enum(['lifecycle-lab', 'lionherd']),
      lionClass: z.optional(z.string()),
      fileName: z.optional(z.string()),
      asWritten: z.optional(z.record(z.string(), jsonSchema)),
    }),
  ),
  remote: z.optional(
    z.object({
      sourceId: z.string(),
      sourceName: z.string(),
      seq: z.number(),
      disconnected: z.boolean(),
      restarted: z.optional(z.boolean()),
      canRetry: z.boolean(),
    }),
  ),
});

/**
 * The first few problems of a failed parse, each as `where: what`, e.g.
 * `records[3].status: expected one of pending|processing|…`.
 */
export function describeIssues(error: z.core.$ZodError, prefix = '', limit = 3): string {
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

/** One problem in words: the schema's own message, or a plainer one for zod's defaults. */
export function describeIssue(issue: z.core.$ZodIssue): string {
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

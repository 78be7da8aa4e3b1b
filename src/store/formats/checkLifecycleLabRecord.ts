import type { EventRecord } from '../eventRecord';
import { describeIssue, eventRecordSchema, formatPath } from '../recordSchema';
import type { RecordProblem } from './lionherd';
import { findTooDeep, MAX_NESTING_DEPTH } from './nestingDepth';
import { isDurationSeconds, isEpochMs } from './timeRange';
import { withoutStackTraces } from './withoutStackTraces';

/** Problems named per record; a record is left out whole at its first. */
const PROBLEMS_PER_RECORD = 3;

/**
 * Checks one record of a Lifecycle Lab log: nesting (iteratively, before anything recursive
 * walks it), the record schema, then times a date can hold. `record` names it in problems
 * (`records[3]`). Never throws.
 */
export function checkLifecycleLabRecord(
  value: unknown,
  record: string,
): { ok: true; record: EventRecord } | { ok: false; problems: RecordProblem[] } {
  // The record sits two levels inside the file: the log object and its `records` array.
  const tooDeep = findTooDeep(value, MAX_NESTING_DEPTH - 2);
  if (tooDeep !== null) {
    return {
      ok: false,
      problems: [
        {
          record,
          field: formatPath('', tooDeep),
          message: `nested deeper than ${MAX_NESTING_DEPTH} levels, more than this dashboard reads`,
        },
      ],
    };
  }
  const parsed = withoutStackTraces(() => eventRecordSchema.safeParse(value));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, PROBLEMS_PER_RECORD).map((issue) => ({
        record,
        field: formatPath('', issue.path),
        message: describeIssue(issue),
      })),
    };
  }
  const problems = timeProblems(parsed.data, record);
  return problems.length === 0 ? { ok: true, record: parsed.data } : { ok: false, problems };
}

const TIME_RANGE = 'between 1970 and the end of year 9999';

/** Times that no date can show: `1e300`, negative ones, years past 9999. */
function timeProblems(checked: EventRecord, record: string): RecordProblem[] {
  const problems: RecordProblem[] = [];
  if (!isEpochMs(Date.parse(checked.createdAt))) {
    problems.push({ record, field: 'createdAt', message: `expected a time ${TIME_RANGE}` });
  }
  for (const [index, transition] of checked.transitions.entries()) {
    if (!isEpochMs(transition.at)) {
      problems.push({
        record,
        field: `transitions[${index}].at`,
        message: `${String(transition.at)} is not a time ${TIME_RANGE} (epoch milliseconds)`,
      });
      if (problems.length >= PROBLEMS_PER_RECORD) return problems;
    }
  }
  for (const [field, seconds] of [
    ['duration', checked.duration],
    ['execution.duration', checked.execution.duration],
  ] as const) {
    if (seconds !== null && !isDurationSeconds(seconds)) {
      problems.push({
        record,
        field,
        message: `${String(seconds)} seconds is longer than any time ${TIME_RANGE}`,
      });
    }
  }
  return problems.slice(0, PROBLEMS_PER_RECORD);
}

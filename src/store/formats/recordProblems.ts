import type { RecordProblem } from './lionherd';

/** Problems named in a refusal; the rest are counted. */
export const PROBLEMS_NAMED = 5;

/** `records[3].execution.status: expected …`, `[3].id: …`, `line 4, created_at: …`. */
export function formatRecordProblem(problem: RecordProblem): string {
  const { record, field, message } = problem;
  if (field === '') return `${record}: ${message}`;
  if (record.startsWith('line ')) return `${record}, ${field}: ${message}`;
  return `${record}${field.startsWith('[') ? '' : '.'}${field}: ${message}`;
}

/**
 * The first {@link PROBLEMS_NAMED} problems, then how many more there are and in how many
 * records: `records[0].status: …; records[4].id: …; and 199,995 more problems in 99,998 records`.
 */
export function describeRecordProblems(problems: readonly RecordProblem[]): string {
  const named = problems.slice(0, PROBLEMS_NAMED).map(formatRecordProblem);
  const more = problems.length - named.length;
  if (more > 0) {
    const records = new Set<string>();
    for (let index = named.length; index < problems.length; index += 1) {
      const problem = problems[index];
      if (problem !== undefined) records.add(problem.record);
    }
    named.push(
      `and ${formatCount(more)} more problem${more === 1 ? '' : 's'} in ${formatCount(records.size)} record${records.size === 1 ? '' : 's'}`,
    );
  }
  return named.join('; ');
}

/** `100000` → `100,000`, whatever the locale of the machine. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

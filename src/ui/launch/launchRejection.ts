import type { FieldIssue } from '../../store';

/** Thrown by the launch mutation when the store rejects the parameters. */
export class LaunchRejection extends Error {
  readonly issues: readonly FieldIssue[];

  constructor(issues: readonly FieldIssue[]) {
    super(issues.map((issue) => issue.message).join('; ') || 'The parameters were rejected');
    this.name = 'LaunchRejection';
    this.issues = issues;
  }
}

/** Issues by field name, the first message per field. */
export function issuesByField(issues: readonly FieldIssue[]): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of issues) byField[issue.field] ??= issue.message;
  return byField;
}

import type { DemoInit, DemoParams } from './catalogue';
import { KIND_SCHEMAS, type KindSchema } from './kindSchemas';
import { MAX_LAUNCH_COUNT } from './launchLimits';
import { formatPath } from './recordSchema';
import type { Event } from '../lib';
import type { FieldIssue } from './types';
import { z } from './zod';

const countRange = `count must be between 1 and ${MAX_LAUNCH_COUNT}`;
const countSchema = z
  .number({ error: 'count must be a number' })
  .check(
    z.int({ error: 'count must be a whole number' }),
    z.minimum(1, { error: countRange }),
    z.maximum(MAX_LAUNCH_COUNT, { error: countRange }),
  );

/** A launch that passed its checks: build `count` events of the kind with `create`. */
export interface CheckedLaunch {
  ok: true;
  params: DemoParams;
  count: number;
  /** Builds the `index`-th event (0-based) of the launch. */
  create: (init: DemoInit, index?: number) => Event;
}

/**
 * Checks a launch's params with the kind's schema and its count (1..{@link MAX_LAUNCH_COUNT}),
 * one issue per field in the field's own words. Fetched on the first launch with the schemas.
 */
export function checkLaunch(
  kindName: string,
  params: unknown,
  count: unknown,
): CheckedLaunch | { ok: false; issues: FieldIssue[] } {
  const kind = KIND_SCHEMAS[kindName];
  if (kind === undefined) {
    return { ok: false, issues: [{ field: 'kind', message: `unknown kind "${kindName}"` }] };
  }
  const issues: FieldIssue[] = [];
  const checkedCount = countSchema.safeParse(count);
  if (!checkedCount.success) {
    issues.push({ field: 'count', message: checkedCount.error.issues[0]?.message ?? '' });
  }
  const checked = kind.schema.safeParse(params ?? {});
  if (!checked.success) issues.push(...fieldIssues(checked.error));
  if (!checked.success || !checkedCount.success) return { ok: false, issues };
  const valid = checked.data;
  return {
    ok: true,
    params: valid,
    count: checkedCount.data,
    create: kind.bind(valid),
  };
}

/** The schema and constructor of a kind, or `undefined` for a kind not in the catalogue. */
export function findKindSchema(kindName: string): KindSchema | undefined {
  return KIND_SCHEMAS[kindName];
}

/** Launch issues, one per field, in the field's own words. */
function fieldIssues(error: z.core.$ZodError): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const field = formatPath('', issue.path) || 'params';
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
  }
  return issues;
}

import { describeIssues } from './recordSchema';
import type { RetryPolicy } from './types';
import { z } from './zod';

const retryPolicySchema = z.object({
  maxAttempts: z
    .number({ error: 'max attempts must be a number' })
    .check(
      z.int({ error: 'max attempts must be a whole number' }),
      z.minimum(1, { error: 'max attempts must be between 1 and 100' }),
      z.maximum(100, { error: 'max attempts must be between 1 and 100' }),
    ),
  baseDelay: z
    .number({ error: 'base delay must be a number of seconds' })
    .check(
      z.minimum(0, { error: 'base delay must be 0 seconds or more' }),
      z.maximum(3600, { error: 'base delay must be at most 3600 seconds' }),
    ),
  factor: z
    .number({ error: 'factor must be a number' })
    .check(
      z.minimum(1, { error: 'factor must be 1 or more' }),
      z.maximum(100, { error: 'factor must be at most 100' }),
    ),
  jitter: z
    .number({ error: 'jitter must be a number' })
    .check(
      z.minimum(0, { error: 'jitter must be between 0 and 1' }),
      z.maximum(1, { error: 'jitter must be between 0 and 1' }),
    ),
});

/**
 * The policy checked, or what is wrong with it (`maxAttempts: max attempts must be …`).
 * Fetched on the first retry run.
 */
export function checkRetryPolicy(
  policy: unknown,
): { ok: true; policy: RetryPolicy } | { ok: false; problems: string } {
  const checked = retryPolicySchema.safeParse(policy);
  if (!checked.success) return { ok: false, problems: describeIssues(checked.error) };
  return { ok: true, policy: checked.data };
}

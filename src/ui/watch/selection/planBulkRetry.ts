import type { EventRecord } from '../../../store';
import { actionsFor } from '../../inspect/actionsForStatus.ts';

/** What "Retry all retryable failed" would do with a selection, before anyone confirms. */
export interface BulkRetryPlan {
  /** The attempts to retry fresh: one per chain, each its chain's newest attempt. */
  retry: EventRecord[];
  /** How many of `retry` are of each kind, by the kind's label, most first. */
  byKind: { label: string; count: number }[];
  /** Failed events of the selection that will not be retried, by reason. */
  leftOut: { reason: string; count: number }[];
}

/**
 * Picks the failed events of `records` that a retry can help: the verdict says retryable, the
 * dashboard can retry them (not an imported record, a source that accepts retries), and no
 * newer attempt of their chain exists already (`latestAttemptOf`), so a chain gets one fresh
 * attempt however many of its attempts are selected.
 *
 * ```ts
 * planBulkRetry(selected, (chainId) => newest.get(chainId) ?? 1, whyNoRemoteRetry);
 * // { retry: [...], byKind: [{ label: 'HTTP event', count: 2 }], leftOut: [{ reason: 'not retryable', count: 1 }] }
 * ```
 */
export function planBulkRetry(
  records: readonly EventRecord[],
  latestAttemptOf: (chainId: string) => number,
  whyNotRetried: (record: EventRecord) => string | null = () => null,
): BulkRetryPlan {
  const retry: EventRecord[] = [];
  const chains = new Set<string>();
  const leftOut = new Map<string, number>();
  const leave = (reason: string): void => {
    leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);
  };
  for (const record of records) {
    if (record.status !== 'failed') continue;
    if (record.retryable !== true) leave('not retryable');
    else if (!actionsFor(record.status, record.source).retryFresh)
      leave(`${record.source}, read-only`);
    else if (record.attempt < latestAttemptOf(record.chainId) || chains.has(record.chainId)) {
      leave('already retried');
    } else if (whyNotRetried(record) !== null) leave('its source does not take retries');
    else {
      chains.add(record.chainId);
      retry.push(record);
    }
  }
  const kinds = new Map<string, number>();
  for (const record of retry) kinds.set(record.label, (kinds.get(record.label) ?? 0) + 1);
  return {
    retry,
    byKind: [...kinds]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    leftOut: [...leftOut].map(([reason, count]) => ({ reason, count })),
  };
}

/** The plan in one sentence, as the preview shows it before the confirm step. */
export function describeBulkRetry(plan: BulkRetryPlan): string {
  const count = plan.retry.length;
  const kinds = plan.byKind.map(({ label, count: n }) => `${String(n)} × ${label}`).join(', ');
  const head =
    count === 0
      ? 'No selected failed event can be retried.'
      : `${String(count)} failed ${count === 1 ? 'event' : 'events'} will be retried fresh: ${kinds}.`;
  if (plan.leftOut.length === 0) return head;
  const left = plan.leftOut.map(({ reason, count: n }) => `${String(n)} ${reason}`).join(', ');
  return `${head} Left out: ${left}.`;
}

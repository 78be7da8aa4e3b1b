import type { EventRecord } from '../../../store';

/** How a bulk retry reaches each event: here, or through the process it came from. */
export interface RetryRoutes {
  /** Retries an event of this page fresh; `false` when it could not. */
  retryHere: (id: string) => boolean;
  /**
   * Asks a source to retry `record` and `others` (all of that source) in one command;
   * resolves to `null` when it took them, or to why not.
   */
  askSource: (record: EventRecord, others: readonly EventRecord[]) => Promise<string | null>;
}

export interface BulkRetryOutcome {
  started: number;
  /** Events not retried. */
  refused: number;
  /** Why, once per source that refused. */
  reasons: string[];
}

/**
 * Retries `records` fresh: the page's own here, and one command per source for the others,
 * so a hundred failed jobs of a queue are one request to the receiver, not a hundred.
 */
export async function retryFreshAll(
  records: readonly EventRecord[],
  routes: RetryRoutes,
): Promise<BulkRetryOutcome> {
  let started = 0;
  const bySource = new Map<string, EventRecord[]>();
  for (const record of records) {
    if (record.remote === undefined) {
      if (routes.retryHere(record.id)) started += 1;
      continue;
    }
    const group = bySource.get(record.remote.sourceId);
    if (group === undefined) bySource.set(record.remote.sourceId, [record]);
    else group.push(record);
  }
  const reasons: string[] = [];
  for (const [first, ...others] of bySource.values()) {
    if (first === undefined) continue;
    const why = await routes.askSource(first, others);
    if (why === null) started += 1 + others.length;
    else reasons.push(why);
  }
  return { started, refused: records.length - started, reasons };
}

/** The outcome in one sentence, as the bulk actions announce it. */
export function describeRetryOutcome({ started, refused, reasons }: BulkRetryOutcome): string {
  const head = `Retried ${String(started)} ${started === 1 ? 'event' : 'events'} fresh`;
  if (refused === 0) return `${head}.`;
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return `${head}; ${String(refused)} could not be retried${why}.`;
}

import { BRIDGE_BASE_PATH, type BridgeCommandRequest } from '../../lib/bridge/protocol';
import type { EventRecord } from '../eventRecord';

/** Why a remote record cannot be retried fresh from here, or `null` when it can. */
export function whyNoRemoteRetry(record: EventRecord): string | null {
  const remote = record.remote;
  if (remote === undefined) return null;
  if (!remote.canRetry) {
    return `"${remote.sourceName}" does not accept retries: it connects with acceptRetries off (or posts lionherd records), so run the retry in that process.`;
  }
  return null;
}

/**
 * Asks the source of a remote record to run a fresh attempt of it; the attempt streams back
 * like any of its events. Resolves to `null` when the source took the command, or to why not.
 */
export async function requestRemoteRetry(
  record: EventRecord,
  token: string,
  options: {
    copyMeta?: boolean;
    origin?: string;
    fetch?: typeof fetch;
    /** More records of the same source, retried in the same command (a bulk retry). */
    alsoRecords?: readonly EventRecord[];
  } = {},
): Promise<string | null> {
  const why = whyNoRemoteRetry(record);
  if (why !== null || record.remote === undefined) return why ?? 'not a remote event';
  const sourceId = record.remote.sourceId;
  const others = (options.alsoRecords ?? []).filter(
    (other) => other.remote?.sourceId === sourceId && other.id !== record.id,
  );
  const body: BridgeCommandRequest = {
    sourceId,
    command: {
      type: 'retry',
      eventId: record.id,
      ...(others.length > 0 ? { eventIds: others.map((other) => other.id) } : {}),
      copyMeta: options.copyMeta === true,
    },
  };
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(
      `${options.origin ?? location.origin}${BRIDGE_BASE_PATH}/commands`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      },
    );
    if (response.ok) return null;
    const answer = (await response.json().catch(() => ({}))) as { error?: unknown };
    return typeof answer.error === 'string'
      ? answer.error
      : `the receiver answered ${String(response.status)}`;
  } catch {
    return 'the receiver cannot be reached';
  }
}

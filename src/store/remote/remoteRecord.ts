import { isTerminalStatus, type JsonValue } from '../../lib';
import type { RemoteEventUpdate, RemoteSource } from '../../lib/bridge/protocol';
import type { EventRecord } from '../eventRecord';
import { parseLionherdLog } from '../formats/lionherd';

/**
 * The dashboard's record of a remote event, from the latest update of it. Lineage comes from
 * `metadata.original` and `metadata.attempt`, as for events made here; `previous` is the
 * record of the attempt it was made from, when the dashboard has it.
 */
export function remoteRecord(
  update: RemoteEventUpdate,
  source: RemoteSource | undefined,
  original: EventRecord | undefined,
): EventRecord | string {
  const base = update.format === 'lionherd' ? fromLionherd(update) : fromBridge(update);
  if (typeof base === 'string') return base;
  const originalId = originalIdOf(base.metadata);
  const attemptField = base.metadata.attempt;
  const attempt =
    typeof attemptField === 'number' && Number.isInteger(attemptField) && attemptField >= 1
      ? attemptField
      : original !== undefined
        ? original.attempt + 1
        : originalId !== null
          ? 2
          : 1;
  return {
    ...base,
    attempt,
    originalId,
    chainId: original?.chainId ?? originalId ?? base.id,
    source: 'remote',
    remote: {
      sourceId: update.sourceId,
      sourceName: source?.name ?? update.sourceId,
      seq: update.seq,
      ...standingOf(base.status, source, update.run),
      canRetry: source?.capabilities.includes('retry') === true,
    },
  };
}

/**
 * How a running remote event stands with its source: `disconnected` while the source is away
 * (its outcome is unknown until it is back); `restarted` once a later run of the source is
 * there and has not reported it (the run that started it ended without finishing it). The
 * event is never made terminal here: only its source can say how it ended.
 */
export function standingOf(
  status: EventRecord['status'],
  source: RemoteSource | undefined,
  run: number,
): { disconnected: boolean; restarted?: true } {
  if (source === undefined || source.kind === 'lionherd' || isTerminalStatus(status)) {
    return { disconnected: false };
  }
  if (!source.connected) return { disconnected: true };
  return source.run > run ? { disconnected: false, restarted: true } : { disconnected: false };
}

type BaseRecord = Omit<EventRecord, 'attempt' | 'originalId' | 'chainId' | 'source' | 'remote'>;

function fromBridge(update: RemoteEventUpdate): BaseRecord {
  const { execution } = update.event;
  return {
    id: update.event.id,
    kind: update.kind,
    label: update.kind,
    params: update.params,
    status: execution.status,
    createdAt: update.event.created_at,
    transitions: update.transitions,
    duration: execution.duration,
    progress: update.progress,
    progressMessage: update.progressMessage,
    execution,
    retryable: execution.retryable,
    verdict: update.verdict,
    metadata: update.event.metadata,
    invokeCalls: 0,
    runs: update.transitions.some((step) => step.status === 'processing') ? 1 : 0,
  };
}

/** A lionherd-core record, read as the import reads them; the receiver's merged timeline. */
function fromLionherd(update: RemoteEventUpdate): BaseRecord | string {
  const parsed = parseLionherdLog([update.event]);
  if (!parsed.ok) return parsed.error;
  const [record] = parsed.records;
  if (record === undefined) return 'no record';
  const {
    attempt: _attempt,
    originalId: _originalId,
    chainId: _chainId,
    source: _source,
    ...base
  } = record;
  return { ...base, transitions: update.transitions };
}

function originalIdOf(metadata: Record<string, JsonValue>): string | null {
  const original = metadata.original;
  if (typeof original !== 'object' || original === null || Array.isArray(original)) return null;
  return typeof original.id === 'string' ? original.id : null;
}

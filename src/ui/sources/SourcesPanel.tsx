import { useEffect, useSyncExternalStore } from 'react';
import { EVENT_STATUSES } from '../../lib';
import type { RemoteSource } from '../../lib/bridge/protocol';
import {
  receiverToken,
  remoteSourcesStore,
  THIS_PAGE,
  useEventStoreApi,
  type EventStore,
  type RecordsCache,
  type StatusCounts,
} from '../../store';
import { throttledSubscribe, type Subscribe } from './throttledSubscribe';

/**
 * Least milliseconds between two renders of the panel. Its counts and "last message" change
 * with every batch a busy source sends (many a second), and a person reads them at a glance:
 * four renders a second keep it current without a render per frame.
 */
const PANEL_INTERVAL_MS = 250;

/** Counts by status per source key, made once per change of the records. */
const countsCache = new WeakMap<
  RecordsCache,
  { version: number; counts: Map<string, StatusCounts> }
>();

function countsBySource(records: RecordsCache): Map<string, StatusCounts> {
  const cached = countsCache.get(records);
  if (cached?.version === records.version()) return cached.counts;
  const counts = new Map<string, StatusCounts>();
  for (const [key, tally] of records.indexes().sources()) counts.set(key, tally.snapshot());
  countsCache.set(records, { version: records.version(), counts });
  return counts;
}

const subscriptions = new WeakMap<RecordsCache, Subscribe>();

/** Changes of the records and of the sources, told at most once per `PANEL_INTERVAL_MS`. */
function panelSubscription(records: RecordsCache): Subscribe {
  let subscribe = subscriptions.get(records);
  if (subscribe === undefined) {
    subscribe = throttledSubscribe((listener) => {
      const stopRecords = records.subscribe(listener);
      const stopSources = remoteSourcesStore.subscribe(listener);
      return () => {
        stopRecords();
        stopSources();
      };
    }, PANEL_INTERVAL_MS);
    subscriptions.set(records, subscribe);
  }
  return subscribe;
}

/** A value of the sources or the records (a stable reference), read at the panel's pace. */
function usePanelValue<T>(records: RecordsCache, select: () => T): T {
  return useSyncExternalStore(panelSubscription(records), select, select);
}

/** The stores linked to the receiver: each once, however many panels show it. */
const linked = new WeakSet<EventStore>();

/** Opens the link to the receiver once per store, when the page has a receiver token. */
function useReceiverLink(): void {
  const store = useEventStoreApi();
  useEffect(() => {
    if (linked.has(store)) return;
    const token = receiverToken();
    if (token === null) return;
    linked.add(store);
    void import('../../store/remote/connectReceiver').then(({ connectReceiver }) => {
      connectReceiver({ store, token });
    });
  }, [store]);
}

/**
 * Every source of the list: this page, each process connected through the receiver (name,
 * host, pid, since when, counts by status, last message) and each imported log.
 */
export function SourcesPanel() {
  useReceiverLink();
  const { records } = useEventStoreApi();
  const link = usePanelValue(records, () => remoteSourcesStore.getState().link);
  const message = usePanelValue(records, () => remoteSourcesStore.getState().message);
  const sources = usePanelValue(records, () => remoteSourcesStore.getState().sources);
  const counts = usePanelValue(records, () => countsBySource(records));
  const importedKeys = [...counts.keys()].filter((key) => key.startsWith('imported:'));
  const remote = Object.values(sources);

  return (
    <div className="sources-panel">
      <p className="muted" role="status">
        {link === 'off'
          ? 'Open the address the receiver printed (with its ?token=) to watch other processes.'
          : link === 'live'
            ? `Receiver connected: ${String(remote.length)} ${remote.length === 1 ? 'source' : 'sources'}.`
            : link === 'connecting'
              ? 'Connecting to the receiver…'
              : (message ?? 'The receiver cannot be reached.')}
      </p>
      <ul className="sources-list" aria-label="Sources">
        <li aria-label="this page">
          <strong>This page</strong>
          <StatusCounts counts={counts.get(THIS_PAGE)} />
        </li>
        {remote.map((source) => (
          <li key={source.id} aria-label={source.name}>
            <SourceDetails source={source} counts={counts.get(`remote:${source.name}`)} />
          </li>
        ))}
        {importedKeys.map((key) => (
          <li key={key} aria-label={key.replace(/^imported:/, 'imported ')}>
            <strong>Imported: {key.replace(/^imported:/, '')}</strong>
            <StatusCounts counts={counts.get(key)} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function SourceDetails({
  source,
  counts,
}: {
  source: RemoteSource;
  counts: Record<string, number> | undefined;
}) {
  const state =
    source.kind === 'lionherd'
      ? 'posts records'
      : source.kind === 'queue'
        ? source.connected
          ? 'queue, Redis connected'
          : 'queue, Redis unreachable'
        : source.connected
          ? 'connected'
          : 'disconnected';
  return (
    <>
      <strong>{source.name}</strong> <span>({state})</span>
      <dl>
        <dt>host</dt>
        <dd>{source.host ?? '—'}</dd>
        <dt>pid</dt>
        <dd>{source.pid ?? '—'}</dd>
        <dt>runtime</dt>
        <dd>{source.runtime}</dd>
        {source.run > 1 ? (
          <>
            <dt>restarts</dt>
            <dd>{source.run - 1}</dd>
          </>
        ) : null}
        <dt>{source.kind === 'lionherd' ? 'first seen' : 'connected since'}</dt>
        <dd>{new Date(source.connectedSince).toLocaleTimeString()}</dd>
        <dt>last message</dt>
        <dd>{new Date(source.lastMessageAt).toLocaleTimeString()}</dd>
        {source.dropped > 0 ? (
          <>
            <dt>dropped</dt>
            <dd>{source.dropped} (its buffer was full)</dd>
          </>
        ) : null}
      </dl>
      <StatusCounts counts={counts} />
    </>
  );
}

function StatusCounts({ counts }: { counts: Record<string, number> | undefined }) {
  const parts = EVENT_STATUSES.filter((status) => (counts?.[status] ?? 0) > 0).map(
    (status) => `${String(counts?.[status] ?? 0)} ${status}`,
  );
  return <p className="muted">{parts.length === 0 ? 'no events' : parts.join(' · ')}</p>;
}

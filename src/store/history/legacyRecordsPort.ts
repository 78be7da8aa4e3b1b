import type { EventRecord } from '../eventRecord';
import { createdMs } from '../createdMs';
import { getOwn, setOwn } from '../ownKey';
import type { EventStore, EventStoreState } from '../types';
import { isNewerRecord } from './isNewerRecord';
import type { RecordChanges, RecordsPort } from './recordsPort';

/**
 * {@link RecordsPort} over the store's `records` object and `order` array: every store update
 * is diffed by reference against the one before. That costs O(records) per commit, which is
 * fine for correctness; a records layer that reports its own changes replaces it.
 */
export function createLegacyRecordsPort(store: EventStore): RecordsPort {
  const listeners = new Set<(changes: RecordChanges) => void>();
  /** Set while external records are applied, so they are not reported back as changes. */
  let applying = false;

  store.subscribe((state, previous) => {
    if (applying || listeners.size === 0 || state.records === previous.records) return;
    const changes = diffRecords(state, previous);
    if (changes === null) return;
    for (const listener of listeners) listener(changes);
  });

  return {
    subscribeChanges(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    applyExternal(upserted, removed, cleared) {
      applying = true;
      try {
        store.setState((state) => applyToState(state, upserted, removed, cleared));
      } finally {
        applying = false;
      }
    },

    getRecord(id) {
      return getOwn(store.getState().records, id);
    },

    size() {
      return store.getState().order.length;
    },
  };
}

function diffRecords(state: EventStoreState, previous: EventStoreState): RecordChanges | null {
  const { records } = state;
  const before = previous.records;
  // The store only ever empties its records by clearing the history (an empty one included).
  const cleared = state.order.length === 0;
  const upserted: EventRecord[] = [];
  for (const id of state.order) {
    const record = getOwn(records, id);
    if (record !== undefined && (cleared || getOwn(before, id) !== record)) upserted.push(record);
  }
  const removed: string[] = [];
  // Without removals the list grows by the new records, which are among the upserted ones.
  if (!cleared && state.order.length < previous.order.length + upserted.length) {
    for (const id of previous.order) if (!Object.hasOwn(records, id)) removed.push(id);
  }
  if (!cleared && upserted.length === 0 && removed.length === 0) return null;
  return { upserted, removed, cleared };
}

/**
 * The state with records from outside merged in. Records the store did not have are listed
 * by creation time: those newer than the newest listed go first, the others after the rest.
 */
function applyToState(
  state: EventStoreState,
  upserted: readonly EventRecord[],
  removed: readonly string[],
  cleared: boolean,
): Partial<EventStoreState> {
  const records: Record<string, EventRecord> = cleared ? {} : { ...state.records };
  let order = cleared ? [] : state.order;
  if (removed.length > 0) {
    const gone = new Set(removed.filter((id) => Object.hasOwn(records, id)));
    for (const id of gone) Reflect.deleteProperty(records, id);
    if (gone.size > 0) order = order.filter((id) => !gone.has(id));
  }
  const added: EventRecord[] = [];
  for (const record of upserted) {
    const current = getOwn(records, record.id);
    if (current === undefined) added.push(record);
    else if (!isNewerRecord(record, current)) continue;
    setOwn(records, record.id, record);
  }
  if (added.length > 0) {
    added.sort((a, b) => createdMs(b) - createdMs(a));
    const headId = order[0];
    const headRecord = headId === undefined ? undefined : getOwn(records, headId);
    const head = headRecord === undefined ? Number.NEGATIVE_INFINITY : createdMs(headRecord);
    const first = added.filter((record) => createdMs(record) > head).map((record) => record.id);
    const last = added.filter((record) => createdMs(record) <= head).map((record) => record.id);
    order = [...first, ...order, ...last];
  }
  const selectedId =
    state.selectedId !== null && !Object.hasOwn(records, state.selectedId)
      ? null
      : state.selectedId;
  return { records, order, selectedId };
}

/**
 * The dashboard's store: launches demo events, mirrors every execution as a plain record,
 * keeps history across reloads, and reads and writes logs. Vanilla Zustand; the React hook
 * lives in `./useEventStore`.
 *
 * Every action that can fail returns an {@link ActionResult}: `{ ok: true, … }`, or
 * `{ ok: false, error }` with why in words. Actions never throw for a failure and post no
 * notice for one they return: the caller shows `error`.
 */
export { createEventStore } from './createEventStore';
export { describeOutcome } from './describeOutcome';
export { MAX_INVOKE_TIMES } from './slices/eventSlice';
export { MAX_LAUNCH_COUNT } from './launchLimits';
export {
  CUSTOM_KIND,
  DEMO_KINDS,
  defaultParams,
  findKind,
  type DemoInit,
  type DemoKind,
  type DemoParams,
  type FieldSpec,
} from './catalogue';
export { parseReturnValue } from './parseReturnValue';
export { isRunningInAnotherTab, readOnlyMessage, readOnlyOrigin } from './readOnly';
export type { EventRecord, RecordSource, RemoteOrigin } from './eventRecord';
export {
  receiverToken,
  remoteSourcesStore,
  requestRemoteRetry,
  sourceKeyOf,
  sourceLabelOf,
  THIS_PAGE,
  whyNoRemoteRetry,
  type RemoteSourcesState,
} from './remote';
export { MAX_IMPORT_BYTES } from './formats/log';
export { getOwn } from './ownKey';
export { yieldToBrowser } from './yieldToBrowser';
export type { ImportProgress } from './formats/readLogInBackground';
export { formatLogInSlices } from './formats/log';
export {
  DEFAULT_STORAGE_KEY,
  HISTORY_VERSION,
  INTERRUPTED_MESSAGE,
  MAX_STORED_RECORDS,
} from './formats/history';
export {
  liveDuration,
  matchesFilter,
  selectChain,
  selectNoRecords,
  selectRecordCount,
  selectRecordsVersion,
  type RecordFilter,
  type StatusCounts,
} from './selectors';
export type {
  EventStore,
  ActionFailure,
  ActionResult,
  EventStoreActions,
  EventStoreOptions,
  EventStoreState,
  FieldIssue,
  ImportOptions,
  ImportResult,
  LaunchResult,
  LifecycleLabLog,
  LogFormat,
  Notice,
  RetryPolicy,
  RetryRunState,
  StorageLike,
  StorageStatus,
  TimeSource,
} from './types';
export { getAppStore } from './appStore';
export { useEventStore, useEventStoreShallow } from './useEventStore';
export { EventStoreProvider, useEventStoreApi } from './eventStoreContext';
export { useRecord, useRecordsSelector, useSelectedRecord, useStatusCounts } from './useRecords';
export { createRecordsCache, type Placement, type RecordsCache } from './records/recordsCache';
export type { IdList, IdOrder } from './records/idOrder';
export type { RecordChanges, RecordsPort } from './history/recordsPort';

/**
 * The bridge: streams the lifecycle of a process's events to a Lifecycle Lab dashboard.
 * Published as `lifecycle-lab-core/bridge`; uses only `fetch`, in Node 20+ and browsers.
 */
export {
  connectToDashboard,
  type Bridge,
  type BridgeOptions,
  type BridgeProblem,
  type BridgeStats,
  type WatchOptions,
} from './connectToDashboard.ts';
export { exponentialBackoff, type Backoff, type ExponentialBackoffOptions } from './backoff.ts';
export {
  BRIDGE_BASE_PATH,
  BRIDGE_PROTOCOL_VERSION,
  type BridgeBatch,
  type BridgeBatchReply,
  type BridgeCapability,
  type BridgeCommand,
  type BridgeCommandRequest,
  type BridgeEventUpdate,
  type BridgeSourceInfo,
  type BridgeStreamMessages,
  type RemoteEventUpdate,
  type RemoteSource,
} from './protocol.ts';

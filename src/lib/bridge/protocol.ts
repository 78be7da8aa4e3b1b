import type { EventDict, EventNotification, Transition } from '../event.ts';
import type { JsonValue } from '../serialize/toJsonSafe.ts';

/**
 * The wire protocol between a process that runs events (a *source*), the receiver and the
 * dashboard. Plain JSON over HTTP, so any language can speak it:
 *
 * | request                                   | who            | what                                   |
 * | ----------------------------------------- | -------------- | -------------------------------------- |
 * | `POST {base}/events` ({@link BridgeBatch}) | bridge         | lifecycle updates, batched             |
 * | `GET {base}/control?source=<id>`          | bridge         | presence; commands as JSON Lines       |
 * | `POST {base}/lionherd?source=<name>`      | Python service | lionherd `Event.to_dict()` records     |
 * | `GET {base}/stream`                       | dashboard      | Server-Sent Events: sources, updates   |
 * | `POST {base}/commands` ({@link BridgeCommandRequest}) | dashboard | a command for a source      |
 *
 * Every request carries the receiver's per-run token, as `Authorization: Bearer <token>` or
 * `?token=<token>` (Server-Sent Events cannot send headers).
 */
export const BRIDGE_PROTOCOL_VERSION = 1;

/** Where the receiver listens, below the dashboard's origin. */
export const BRIDGE_BASE_PATH = '/api/bridge';

/** Who sends: one running process (or page) that uses the bridge. */
export interface BridgeSourceInfo {
  /** Random per run: a restarted process is a new run of the same source (see `key`). */
  id: string;
  /**
   * Who the process is across restarts: runs with the same key are one source to the
   * dashboard, which shows it go away and come back. The bridge sends
   * `<name>@<host>` (`#<instance>` added when given) in Node, and a key kept for the tab in a
   * browser. Without one the run `id` is the key, so every run is a source of its own.
   */
  key?: string;
  /** The name a person gave the process (`worker`, `checkout-page`). */
  name: string;
  host: string | null;
  pid: number | null;
  runtime: 'node' | 'browser' | 'python' | 'other';
  /** What the source accepts back over its control channel: `retry`. */
  capabilities: BridgeCapability[];
}

export type BridgeCapability = 'retry';

/** What a source knows about one event now: the latest snapshot and what led to it. */
export interface BridgeEventUpdate {
  /**
   * Increases with every update a run of a source sends, across its events. The receiver and
   * the dashboard keep, per event, the update with the highest `seq` of the latest run and
   * ignore repeats.
   */
  seq: number;
  /** The event's class name (`FunctionEvent`, `ChargeCard`). */
  kind: string;
  /** What happened since the source's previous update of this event, oldest first. */
  notifications: EventNotification[];
  /** The event's whole history so far. */
  transitions: Transition[];
  progress: number | null;
  progressMessage: string | null;
  /** `event.toDict()`. */
  event: EventDict;
  /** The retryability verdict in words, for failed and cancelled events. */
  verdict: string | null;
  /** Configuration fields of the event, when the source knows them. */
  params: Record<string, JsonValue>;
  /**
   * `lionherd`: `event` is a lionherd-core `Event.to_dict(mode="json")` record as the Python
   * service sent it (Python error names, `metadata.lion_class`, extra fields); the dashboard
   * reads it as it reads imported lionherd logs. Absent for the bridge's own updates.
   */
  format?: 'lionherd';
}

/** The body of `POST {base}/events`. */
export interface BridgeBatch {
  protocol: typeof BRIDGE_PROTOCOL_VERSION;
  source: BridgeSourceInfo;
  /** Updates the source had to drop (its buffer was full) since it started. */
  dropped: number;
  updates: BridgeEventUpdate[];
}

/** The receiver's answer to a batch. */
export interface BridgeBatchReply {
  /** Updates that changed something. */
  accepted: number;
  /** Updates seen before (a resend), ignored. */
  duplicates: number;
}

/** A command the dashboard sends a source, delivered over the source's control channel. */
export interface BridgeCommand {
  type: 'retry';
  eventId: string;
  /**
   * More events of the same source to retry in the same command (a bulk retry); the receiver
   * hands a bridge source one `retry` line per event.
   */
  eventIds?: string[];
  /** Copy the original's metadata into the fresh attempt. */
  copyMeta: boolean;
}

/** The body of `POST {base}/commands`. */
export interface BridgeCommandRequest {
  sourceId: string;
  command: BridgeCommand;
}

/** One source as the receiver tells the dashboard: every run of one key. */
export interface RemoteSource {
  /** The source's key (see {@link BridgeSourceInfo.key}); the same across its restarts. */
  id: string;
  /** Which run of the source is the latest: 1 at first, one more at each restart. */
  run: number;
  name: string;
  host: string | null;
  pid: number | null;
  runtime: BridgeSourceInfo['runtime'];
  capabilities: BridgeCapability[];
  /**
   * `bridge`: a process with a control channel; `lionherd`: records posted over HTTP;
   * `queue`: a BullMQ queue the receiver watches on Redis (`connected` while Redis answers).
   */
  kind: 'bridge' | 'lionherd' | 'queue';
  /** Whether its control channel is open now (always `false` for `lionherd`). */
  connected: boolean;
  /** Epoch ms when it (last) connected, or first posted. */
  connectedSince: number;
  /** Epoch ms of its last message. */
  lastMessageAt: number;
  /** Updates it reported dropped. */
  dropped: number;
}

/** An update as the dashboard receives it: a source's update, tagged with the source. */
export interface RemoteEventUpdate extends BridgeEventUpdate {
  /** The source's key. */
  sourceId: string;
  /**
   * The run of the source that sent it ({@link RemoteSource.run}). A later run's update of an
   * event supersedes the earlier run's, whatever their `seq` (each run counts from 1).
   */
  run: number;
}

/** Server-Sent Events of `GET {base}/stream`, by event name. */
export interface BridgeStreamMessages {
  /** Every source the receiver knows, whenever one changes. */
  sources: RemoteSource[];
  /** Updates, in the order the receiver accepted them. */
  updates: RemoteEventUpdate[];
}

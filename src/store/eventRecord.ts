import type { EventStatus, ExecutionDict, JsonValue, Transition } from '../lib';

/** Where a record came from. */
export type RecordSource =
  /** Launched in this page; its event object is alive and can be acted on. */
  | 'live'
  /** Reloaded from storage; read-only, its event object is gone. */
  | 'restored'
  /** Read from an imported log file (ours or lionherd-core's); read-only. */
  | 'imported'
  /** Streamed from another process through the receiver; see `remote`. */
  | 'remote';

/** Where a remote record comes from and how it stands (see `./remote`). */
export interface RemoteOrigin {
  sourceId: string;
  /** The name the process gave itself. */
  sourceName: string;
  /** The sequence number of the update the record shows. */
  seq: number;
  /** The source went away while the event was still running; its outcome is not known yet. */
  disconnected: boolean;
  /**
   * The source started again (a later run) and has not reported this running event since:
   * the run that started it ended without finishing it. It continues if the source resumes it.
   */
  restarted?: boolean;
  /** The source accepts "retry fresh" commands. */
  canRetry: boolean;
}

/**
 * The store's plain, serializable mirror of one event execution. Everything the dashboard
 * shows is read from here; the live `Event` object stays in the store's private registry.
 */
export interface EventRecord {
  id: string;
  /** Catalogue kind (`simple`, `failing`, `slow`, …) or, for imports, the class name. */
  kind: string;
  /** Human-readable name of the kind, e.g. "Slow event". */
  label: string;
  /** The launch parameters as the person entered them (already validated). */
  params: Record<string, JsonValue>;
  status: EventStatus;
  /** ISO 8601. */
  createdAt: string;
  /** Every transition with its time (epoch ms), oldest first; starts with `pending`. */
  transitions: Transition[];
  /** Seconds; `null` until terminal. */
  duration: number | null;
  /** Last reported progress (0..1), `null` if none. */
  progress: number | null;
  progressMessage: string | null;
  /** Exactly `event.execution.toDict()` at the last transition. */
  execution: ExecutionDict;
  /** `execution.retryable`, for quick filtering. */
  retryable: boolean | null;
  /** The retryability verdict in words (`explainRetryable`), `null` until failed/cancelled. */
  verdict: string | null;
  /** JSON-safe copy of the event's metadata. */
  metadata: Record<string, JsonValue>;
  /** 1-based attempt number within its chain. */
  attempt: number;
  /** The attempt this one was made fresh from (`metadata.original.id`), or `null`. */
  originalId: string | null;
  /** The first attempt of the chain this record belongs to (its own id for a first attempt). */
  chainId: string;
  /** How many times `invoke()` was called through the store. */
  invokeCalls: number;
  /** How many times `_invoke` actually ran (0 or 1). */
  runs: number;
  source: RecordSource;
  /** For imported records: where they came from. */
  importedFrom?: ImportedFrom;
  /** For remote records: the source and its state. */
  remote?: RemoteOrigin;
}

/** Where an imported record came from. */
export interface ImportedFrom {
  format: 'lifecycle-lab' | 'lionherd';
  /** For lionherd logs: the Python class (`metadata.lion_class`). */
  lionClass?: string;
  fileName?: string;
  /**
   * For lionherd logs: the record exactly as Python wrote it (the last snapshot, when the log
   * holds several of one event), which "Export as lionherd log" writes back unchanged.
   */
  asWritten?: Record<string, JsonValue>;
}

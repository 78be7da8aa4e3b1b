import type { EventRecord } from '../eventRecord';

/** What changed in this tab's records in one commit (never records applied from outside). */
export interface RecordChanges {
  /** Records added or changed, in their new state. */
  readonly upserted: readonly EventRecord[];
  /** Ids removed (pruned, or one record deleted). */
  readonly removed: readonly string[];
  /** The whole history was cleared before the upserts. */
  readonly cleared: boolean;
}

/** What durable history needs from the store's records, and nothing more. */
export interface RecordsPort {
  /** Hears every commit's changes made in this tab. Returns the unsubscribe. */
  subscribeChanges(listener: (changes: RecordChanges) => void): () => void;
  /**
   * Puts records read from disk or sent by another tab into memory WITHOUT reporting them back
   * through `subscribeChanges`. A record already in memory is replaced only when the incoming
   * one is newer (see `isNewerRecord` in `src/store/history/isNewerRecord.ts`).
   */
  applyExternal(
    upserted: readonly EventRecord[],
    removed: readonly string[],
    cleared: boolean,
  ): void;
  getRecord(id: string): EventRecord | undefined;
  /**
   * Another page cleared the history: stop this page's live events too (they would write
   * their records again), without reporting anything back.
   */
  clearedElsewhere?(): void;
  /** How many records are in memory. */
  size(): number;
}

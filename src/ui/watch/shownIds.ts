import type { IdList } from '../../store';

/**
 * The ids the list shows, newest first (`makeQueryIdsSelector`). `basis` stays the same
 * object while each new list was worked out from the one before by the records' changes
 * (`RecordsCache.changedSince`); a new filter, or a list worked out from scratch, has a new
 * one, and views built on the list (the grouped rows) then start over too.
 */
export interface ShownIds extends IdList {
  readonly basis: object;
}

/**
 * The list's ids and chains are read again at most this often while events keep changing:
 * during a flood its rows would otherwise be rebuilt every frame, faster than anyone reads
 * them. The first change after a quiet spell shows in the next task; rows already shown
 * update on every change of their own record. The counters are read as often as the list.
 */
export const LIST_EVERY_MS = 100;

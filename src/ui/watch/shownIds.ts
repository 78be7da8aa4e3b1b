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

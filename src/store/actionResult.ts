import type { ActionFailure, ActionResult } from './types';

/** The result of an action that worked and has nothing to tell. */
export const DONE: ActionResult = { ok: true };

/** A failed action's result (see `ActionResult`). */
export function failure(error: string): ActionFailure {
  return { ok: false, error };
}

/** The failure of an action asked about a record the store does not have. */
export function unknownRecord(id: string): ActionFailure {
  return failure(`There is no event with id ${id}.`);
}

/** Ids of the elements keyboard shortcuts move focus to. */
export const FOCUS_TARGET = {
  /** The list's filter query box (`/`). */
  query: 'event-query',
  /** The inspected record (`Enter`). */
  inspector: 'inspector-record',
} as const;

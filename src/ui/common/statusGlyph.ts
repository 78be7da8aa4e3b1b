import type { EventStatus } from '../../lib';

/**
 * A shape for every status, so the status is never told by colour alone: the glyph and the
 * status name are always shown together.
 */
export const STATUS_GLYPH: Readonly<Record<EventStatus, string>> = {
  pending: '○',
  processing: '◔',
  completed: '✔',
  failed: '✖',
  cancelled: '⊘',
  skipped: '↷',
  aborted: '■',
};

/**
 * The seven states an event can be in.
 *
 * ```ts
 * EventStatus.PENDING === 'pending'; // true
 * ```
 */
export const EventStatus = {
  PENDING: 'pending',
  PROCESSING: 'processing',
  COMPLETED: 'completed',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
  SKIPPED: 'skipped',
  ABORTED: 'aborted',
} as const;

export type EventStatus = (typeof EventStatus)[keyof typeof EventStatus];

// The tables below are written with literals and marked pure, so that a bundle that does not
// use them drops them whole (reads of `EventStatus.X` would be kept, in case of getters).

/** Every status, in lifecycle order. */
export const EVENT_STATUSES: readonly EventStatus[] = /* @__PURE__ */ Object.freeze(
  /* @__PURE__ */ Object.values(EventStatus),
);

/** Statuses that never change again once reached. */
export const TERMINAL_STATUSES: readonly EventStatus[] = /* @__PURE__ */ Object.freeze([
  'completed',
  'failed',
  'cancelled',
  'skipped',
  'aborted',
]);

/**
 * The allowed moves of the lifecycle. `pending` may start (`processing`) or end without
 * ever running (`cancelled`, `skipped`, `aborted`); `processing` ends in one of three ways;
 * terminal statuses have no way out.
 */
export const ALLOWED_TRANSITIONS: Readonly<Record<EventStatus, readonly EventStatus[]>> =
  /* @__PURE__ */ Object.freeze({
    pending: ['processing', 'cancelled', 'skipped', 'aborted'],
    processing: ['completed', 'failed', 'cancelled'],
    completed: [],
    failed: [],
    cancelled: [],
    skipped: [],
    aborted: [],
  });

/** `true` for the five statuses that never change again. */
export function isTerminalStatus(status: EventStatus): boolean {
  return status !== EventStatus.PENDING && status !== EventStatus.PROCESSING;
}

/** `true` when `to` may directly follow `from`. */
export function isAllowedTransition(from: EventStatus, to: EventStatus): boolean {
  return ALLOWED_TRANSITIONS[from].includes(to);
}

/** `true` when `value` is one of the seven status strings. */
export function isEventStatus(value: unknown): value is EventStatus {
  return typeof value === 'string' && (EVENT_STATUSES as readonly string[]).includes(value);
}

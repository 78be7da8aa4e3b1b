import { describe, expect, it } from 'vitest';
import {
  ALLOWED_TRANSITIONS,
  EVENT_STATUSES,
  EventStatus,
  isAllowedTransition,
  isEventStatus,
  isTerminalStatus,
  TERMINAL_STATUSES,
} from './status.ts';

describe('EventStatus', () => {
  it('holds the seven lionherd status strings', () => {
    expect(EventStatus).toEqual({
      PENDING: 'pending',
      PROCESSING: 'processing',
      COMPLETED: 'completed',
      FAILED: 'failed',
      CANCELLED: 'cancelled',
      SKIPPED: 'skipped',
      ABORTED: 'aborted',
    });
  });

  it('lists every status in lifecycle order', () => {
    expect(EVENT_STATUSES).toEqual([
      'pending',
      'processing',
      'completed',
      'failed',
      'cancelled',
      'skipped',
      'aborted',
    ]);
  });

  it('calls exactly the last five statuses terminal', () => {
    expect(TERMINAL_STATUSES).toEqual(['completed', 'failed', 'cancelled', 'skipped', 'aborted']);
    expect(EVENT_STATUSES.filter(isTerminalStatus)).toEqual(TERMINAL_STATUSES);
  });

  it('lets pending start or end without running', () => {
    expect(ALLOWED_TRANSITIONS.pending).toEqual(['processing', 'cancelled', 'skipped', 'aborted']);
  });

  it('lets processing end only as completed, failed or cancelled', () => {
    expect(ALLOWED_TRANSITIONS.processing).toEqual(['completed', 'failed', 'cancelled']);
  });

  it.each(TERMINAL_STATUSES)('allows no move out of %s', (status) => {
    for (const to of EVENT_STATUSES) expect(isAllowedTransition(status, to)).toBe(false);
  });

  it('never allows a move back to pending', () => {
    for (const from of EVENT_STATUSES) {
      expect(isAllowedTransition(from, EventStatus.PENDING)).toBe(false);
    }
  });

  it('does not allow processing to be skipped or aborted', () => {
    expect(isAllowedTransition('processing', 'skipped')).toBe(false);
    expect(isAllowedTransition('processing', 'aborted')).toBe(false);
  });

  it('recognises the status strings and nothing else', () => {
    expect(isEventStatus('cancelled')).toBe(true);
    expect(isEventStatus('CANCELLED')).toBe(false);
    expect(isEventStatus('done')).toBe(false);
    expect(isEventStatus(undefined)).toBe(false);
    expect(isEventStatus({ toString: () => 'pending' })).toBe(false);
  });
});

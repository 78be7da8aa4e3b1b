import { isTerminalStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';

/**
 * Whether `incoming` (from disk or another tab) should replace `current` (in memory): a
 * terminal record beats a non-terminal one, otherwise the one with more transitions wins, and
 * a tie keeps the one in memory. Statuses only move forward, so this picks the later state of
 * one event whichever copy arrives first.
 */
export function isNewerRecord(incoming: EventRecord, current: EventRecord): boolean {
  const incomingEnded = isTerminalStatus(incoming.status);
  const currentEnded = isTerminalStatus(current.status);
  if (incomingEnded !== currentEnded) return incomingEnded;
  return incoming.transitions.length > current.transitions.length;
}

import { isTerminalStatus } from '../../lib';
import type { EventRecord } from '../eventRecord';

/**
 * Whether `incoming` should replace `current`, two states of the same event: a terminal state
 * beats a non-terminal one, otherwise the one with more transitions wins; a tie keeps
 * `current` (the one in memory), so applying the same record twice changes nothing.
 */
export function isNewerRecord(incoming: EventRecord, current: EventRecord): boolean {
  const incomingDone = isTerminalStatus(incoming.status);
  const currentDone = isTerminalStatus(current.status);
  if (incomingDone !== currentDone) return incomingDone;
  return incoming.transitions.length > current.transitions.length;
}

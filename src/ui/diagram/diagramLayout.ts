import type { EventStatus } from '../../lib';

/** Where each state sits in the diagram's 560 × 250 drawing. */
export const NODE_POSITION: Readonly<Record<EventStatus, { x: number; y: number }>> = {
  pending: { x: 70, y: 125 },
  processing: { x: 270, y: 45 },
  skipped: { x: 270, y: 175 },
  aborted: { x: 270, y: 225 },
  completed: { x: 480, y: 20 },
  failed: { x: 480, y: 70 },
  cancelled: { x: 480, y: 125 },
};

export const NODE_WIDTH = 116;
export const NODE_HEIGHT = 34;
export const VIEW_BOX = '0 0 560 250';

/** The start and end of an arrow from one box's edge to another's. */
export function edgeEnds(
  from: EventStatus,
  to: EventStatus,
): { x1: number; y1: number; x2: number; y2: number } {
  const a = NODE_POSITION[from];
  const b = NODE_POSITION[to];
  const half = NODE_WIDTH / 2;
  return { x1: a.x + half, y1: a.y, x2: b.x - half - 4, y2: b.y };
}

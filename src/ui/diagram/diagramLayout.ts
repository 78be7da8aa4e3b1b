import type { EventStatus } from '../../lib';

/** Where each state sits in the diagram's 620 × 250 drawing. */
export const NODE_POSITION: Readonly<Record<EventStatus, { x: number; y: number }>> = {
  pending: { x: 86, y: 125 },
  processing: { x: 305, y: 45 },
  skipped: { x: 305, y: 175 },
  aborted: { x: 305, y: 225 },
  completed: { x: 534, y: 20 },
  failed: { x: 534, y: 70 },
  cancelled: { x: 534, y: 125 },
};

/** Wide enough for the longest bold label, "◔ processing · now", in a wide system font. */
export const NODE_WIDTH = 166;
export const NODE_HEIGHT = 34;
export const VIEW_BOX = '0 0 620 250';

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

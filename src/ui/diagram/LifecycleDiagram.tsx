import { ALLOWED_TRANSITIONS, EVENT_STATUSES, type EventStatus } from '../../lib';
import { STATUS_GLYPH } from '../common/statusGlyph.ts';
import { describePath } from './describePath.ts';
import { edgeEnds, NODE_HEIGHT, NODE_POSITION, NODE_WIDTH, VIEW_BOX } from './diagramLayout.ts';
import './lifecycleDiagram.css';

interface Props {
  /** The statuses the event went through, oldest first; empty when nothing is selected. */
  path: readonly EventStatus[];
}

const EDGES = EVENT_STATUSES.flatMap((from) =>
  ALLOWED_TRANSITIONS[from].map((to) => ({ from, to })),
);

/**
 * The seven states and every allowed move. The current state is filled and marked "now",
 * states on the path are outlined bold with a tick, and moves taken are drawn thick and
 * solid while the others stay thin and dashed — shape and text, not only colour.
 */
export function LifecycleDiagram({ path }: Props) {
  const current = path.at(-1);
  const visited = new Set(path);
  const taken = new Set(path.slice(1).map((to, index) => `${path[index] ?? ''}>${to}`));

  return (
    <svg
      className="lifecycle-diagram"
      viewBox={VIEW_BOX}
      role="img"
      aria-label={describePath(path)}
    >
      <defs>
        <marker
          id="arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
        </marker>
      </defs>
      {EDGES.map(({ from, to }) => {
        const ends = edgeEnds(from, to);
        const isTaken = taken.has(`${from}>${to}`);
        return (
          <line
            key={`${from}-${to}`}
            {...ends}
            className={isTaken ? 'edge edge-taken' : 'edge'}
            markerEnd="url(#arrow)"
          />
        );
      })}
      {EVENT_STATUSES.map((status) => {
        const { x, y } = NODE_POSITION[status];
        const isCurrent = status === current;
        const isVisited = visited.has(status);
        const className = ['node', isVisited ? 'node-visited' : '', isCurrent ? 'node-current' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <g key={status} className={className} transform={`translate(${x} ${y})`}>
            <rect
              x={-NODE_WIDTH / 2}
              y={-NODE_HEIGHT / 2}
              width={NODE_WIDTH}
              height={NODE_HEIGHT}
              rx="8"
            />
            <text textAnchor="middle" dominantBaseline="central">
              {STATUS_GLYPH[status]} {status}
              {isCurrent ? ' · now' : isVisited ? ' ✓' : ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

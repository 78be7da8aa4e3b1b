import type { Transition } from '../../lib';
import { formatOffset } from '../common/formatDuration.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';

/** Every transition with its time relative to the first (`+12 ms`), and why, when known. */
export function TransitionTimeline({ transitions }: { transitions: readonly Transition[] }) {
  const start = transitions[0]?.at ?? 0;
  return (
    <ol aria-label="Transition timeline" className="timeline">
      {transitions.map((transition, index) => (
        <li key={`${String(index)}-${transition.status}`}>
          <span className="timeline-offset">{formatOffset(transition.at - start)}</span>
          <StatusBadge status={transition.status} />
          {transition.reason ? <span className="muted"> — {transition.reason}</span> : null}
        </li>
      ))}
    </ol>
  );
}

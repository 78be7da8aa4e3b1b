import type { ErrorDict, Transition } from '../../lib';
import { formatOffset } from '../common/formatDuration.ts';
import { StatusBadge } from '../common/StatusBadge.tsx';

interface Props {
  transitions: readonly Transition[];
  /** The captured error, to say why a step with no recorded reason ended as it did. */
  error: ErrorDict | null;
}

/** Every transition with its time from the first (`+12 ms`), and why, when known. */
export function TransitionTimeline({ transitions, error }: Props) {
  const start = transitions[0]?.at ?? 0;
  const last = transitions.length - 1;
  return (
    <ol aria-label="Transition timeline" className="timeline">
      {transitions.map((transition, index) => {
        const reason =
          transition.reason ?? (index === last ? impliedReason(transition, error) : undefined);
        return (
          <li key={`${String(index)}-${transition.status}`}>
            <span className="timeline-offset">{formatOffset(transition.at - start)}</span>
            <StatusBadge status={transition.status} />
            {reason ? <span className="muted"> — {reason}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** A timeout cancels without a reason of its own; its error says what happened. */
function impliedReason(transition: Transition, error: ErrorDict | null): string | undefined {
  if (transition.status === 'cancelled' && error?.error === 'TimeoutError') {
    return `timed out: ${error.message}`;
  }
  return undefined;
}

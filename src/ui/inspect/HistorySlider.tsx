import type { Transition } from '../../lib';
import { formatOffset } from '../common/formatDuration.ts';
import { setScrub } from './scrubState.ts';

interface Props {
  recordId: string;
  transitions: readonly Transition[];
  /** The moment shown, or `null` for now (the last transition). */
  index: number | null;
}

/**
 * "Scrub the past": a slider along the event's recorded transitions. The diagram, the timeline
 * and the execution JSON show the event as it was at the moment chosen; the last stop is now.
 */
export function HistorySlider({ recordId, transitions, index }: Props) {
  const last = transitions.length - 1;
  if (last < 1) return null;
  const value = index ?? last;
  const moment = transitions[value];
  const start = transitions[0]?.at ?? 0;
  const text =
    moment === undefined
      ? ''
      : `${String(value + 1)} of ${String(last + 1)}: ${moment.status} at ${formatOffset(moment.at - start)}${value === last ? ' (now)' : ''}`;
  return (
    <div className="history-slider">
      <label>
        Moment in history
        <input
          type="range"
          min={0}
          max={last}
          step={1}
          value={value}
          aria-valuetext={text}
          onChange={(event) => {
            const next = Number(event.target.value);
            setScrub(recordId, next >= last ? null : next);
          }}
        />
      </label>
      <span className="muted" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}

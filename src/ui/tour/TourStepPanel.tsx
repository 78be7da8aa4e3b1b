import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { PrintedValues } from './PrintedValues';
import { scenarios, type ScenarioRun, type TourStepId } from './scenarios';
import type { TourStep } from './tourContent';

type RunState = MutationState<ScenarioRun, Error, void>;

function runKey(id: TourStepId) {
  return ['tour', 'run', id] as const;
}

/**
 * One step: its explanation, its code and what running it printed. A step runs when it first
 * opens; Run again repeats it. Runs are mutations kept in the query client, so a step's last
 * output is still there when the reader comes back to it.
 */
export function TourStepPanel({ step }: { step: TourStep }) {
  const headingId = useId();
  const codeCaptionId = useId();
  const run = useMutation({ mutationKey: runKey(step.id), mutationFn: scenarios[step.id] });
  const latest = useMutationState({
    filters: { mutationKey: runKey(step.id), exact: true },
    select: (mutation) => mutation.state as RunState,
  }).at(-1);
  const isRunning = latest?.status === 'pending';
  // A step shows its values as soon as it opens: run it once if it has never run.
  const hasRun = latest !== undefined;
  const started = useRef(false);
  const { mutate } = run;
  useEffect(() => {
    if (hasRun || started.current) return;
    started.current = true;
    mutate();
  }, [hasRun, mutate]);

  return (
    <section className="tour-step" aria-labelledby={headingId}>
      <h4 id={headingId}>{step.title}</h4>
      {step.explanation.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <figure className="tour-code" aria-labelledby={codeCaptionId}>
        <figcaption id={codeCaptionId}>TypeScript code</figcaption>
        <pre>
          <code>{step.code}</code>
        </pre>
      </figure>
      <div className="tour-run">
        <button
          type="button"
          disabled={isRunning}
          onClick={() => {
            run.mutate();
          }}
        >
          Run again
        </button>
        <p role="status">{describeRun(latest)}</p>
      </div>
      {latest?.status === 'error' && latest.error !== null && (
        <p className="tour-error" role="alert">
          This step could not run: {latest.error.message}
        </p>
      )}
      {latest?.status === 'success' && latest.data !== undefined && (
        <PrintedValues printed={latest.data.printed} />
      )}
    </section>
  );
}

function describeRun(state: RunState | undefined): string {
  switch (state?.status) {
    case undefined:
    case 'idle':
      return 'Starting…';
    case 'pending':
      return 'Running…';
    case 'success':
      return 'Ran in this page with the real event core.';
    case 'error':
      return 'The run failed.';
  }
}

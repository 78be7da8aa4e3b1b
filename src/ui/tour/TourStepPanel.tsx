import { useMutation, useMutationState, type MutationState } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { formatValue } from './formatValue';
import { PredictQuestion } from './PredictQuestion';
import { PrintedValues } from './PrintedValues';
import { scenarios, type ScenarioRun, type TourStepId } from './scenarios';
import type { TourStep } from './tourContent';
import { useTourProgress } from './tourProgress';

type RunState = MutationState<ScenarioRun, Error, void>;

function runKey(id: TourStepId) {
  return ['tour', 'run', id] as const;
}

/**
 * One step: its explanation, its code, its question and what running it printed. A step runs
 * when it first opens; the value its question asks about stays hidden until the reader has
 * predicted it (or asked for the answer). Run again repeats it. Runs are mutations kept in the query client, so a step's last
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
  const answer = useTourProgress()[step.id];
  const { predict } = step;
  const printed = latest?.status === 'success' ? latest.data?.printed : undefined;
  const predicted = printed?.find((line) => line.expression === predict?.expression);

  return (
    <section className="tour-step" aria-labelledby={headingId}>
      <h4 id={headingId}>{step.title}</h4>
      {step.explanation.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <figure className="tour-code" aria-labelledby={codeCaptionId}>
        <figcaption id={codeCaptionId}>TypeScript code</figcaption>
        {/* Long lines scroll sideways on a phone: the block takes the focus so the keyboard
            can scroll it too, and is named so that focus lands on something that says what. */}
        <pre tabIndex={0} aria-label="Code">
          <code>{step.code}</code>
        </pre>
      </figure>
      {predict !== undefined && (
        <PredictQuestion
          stepId={step.id}
          predict={predict}
          answer={answer}
          printed={predicted === undefined ? null : formatValue(predicted.value)}
        />
      )}
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
      {printed !== undefined && (
        <PrintedValues
          printed={printed}
          hidden={predict !== undefined && answer === undefined ? predict.expression : null}
        />
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

import { useMutation } from '@tanstack/react-query';
import { useId, useState, type SubmitEvent } from 'react';
import { getOwn, useEventStore, type EventRecord, type RetryPolicy } from '../../store';
import { okOrThrow, useStoreActions } from '../common/storeActions.ts';

const DEFAULT_POLICY: Record<keyof RetryPolicy, string> = {
  maxAttempts: '4',
  baseDelay: '0.5',
  factor: '2',
  jitter: '0.1',
};

const FIELDS: { name: keyof RetryPolicy; label: string }[] = [
  { name: 'maxAttempts', label: 'Max attempts' },
  { name: 'baseDelay', label: 'Base delay (s)' },
  { name: 'factor', label: 'Factor' },
  { name: 'jitter', label: 'Jitter (0–1)' },
];

/** Runs the record's event under a retry policy and follows the run live. */
export function RetryPolicyForm({ record }: { record: EventRecord }) {
  const actions = useStoreActions();
  const run = useEventStore((state) => getOwn(state.retryRuns, record.chainId));
  const [values, setValues] = useState(DEFAULT_POLICY);
  const baseId = useId();
  const errorId = `${baseId}-error`;

  const running = useMutation({
    mutationFn: async (policy: RetryPolicy) =>
      okOrThrow(await actions.runRetryPolicy(record.id, policy)),
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    running.mutate({
      maxAttempts: Number(values.maxAttempts),
      baseDelay: Number(values.baseDelay),
      factor: Number(values.factor),
      jitter: Number(values.jitter),
    });
  };

  const isRunActive = run !== undefined && run.status !== 'done';
  const disabled = record.source === 'imported';

  return (
    <form className="retry-policy" aria-label="Retry policy" onSubmit={onSubmit}>
      <div className="policy-fields">
        {FIELDS.map((field) => (
          <div key={field.name} className="field">
            <label htmlFor={`${baseId}-${field.name}`}>{field.label}</label>
            <input
              id={`${baseId}-${field.name}`}
              inputMode="decimal"
              value={values[field.name]}
              aria-invalid={running.isError ? true : undefined}
              aria-describedby={running.isError ? errorId : undefined}
              onChange={(event) => {
                setValues({ ...values, [field.name]: event.target.value });
              }}
            />
          </div>
        ))}
      </div>
      <div className="row">
        <button type="submit" disabled={disabled || isRunActive || running.isPending}>
          {isRunActive ? 'Retry run in progress…' : 'Run retry policy'}
        </button>
        {isRunActive ? (
          <button
            type="button"
            onClick={() => {
              actions.stopRetryRun(record.chainId);
            }}
          >
            Stop retry run
          </button>
        ) : null}
      </div>
      {running.isError ? (
        <p id={errorId} role="alert" className="field-error">
          {running.error.message}
        </p>
      ) : null}
    </form>
  );
}

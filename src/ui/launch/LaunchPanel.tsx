import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useId, useState, type SubmitEvent } from 'react';
import { DEMO_KINDS, type DemoKind } from '../../store';
import { initialValues, toParams, type FormValues } from './formValues.ts';
import { KindPicker } from './KindPicker.tsx';
import { issuesByField, LaunchRejection } from './launchRejection.ts';
import { ParamField } from './ParamField.tsx';
import './launchPanel.css';
import { useStoreActions } from '../common/storeActions.ts';

interface LaunchRequest {
  kind: DemoKind;
  values: FormValues;
  count: number | string;
}

const DEFAULT_BURST = '20';

// The description arrives with public/catalogue.json after the first render anyway; the code
// that reads it (TanStack's query observer) comes in its own chunk, fetched alongside.
const KindDescription = lazy(() => import('./KindDescription.tsx'));

/** The catalogue, the chosen kind's parameter form, and Launch / Launch burst. */
export function LaunchPanel() {
  const actions = useStoreActions();
  const firstKind = DEMO_KINDS[0];
  const [form, setForm] = useState(() => ({
    kind: firstKind?.kind ?? '',
    values: firstKind ? initialValues(firstKind) : {},
  }));
  const [burst, setBurst] = useState(DEFAULT_BURST);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [launched, setLaunched] = useState<string | null>(null);
  const idPrefix = useId();

  const kind = DEMO_KINDS.find((entry) => entry.kind === form.kind) ?? firstKind;

  const launching = useMutation({
    // The first launch fetches the schemas that check it; `isPending` covers that wait too.
    mutationFn: async ({ kind: chosen, values, count }: LaunchRequest) => {
      const result = await actions.launch(chosen.kind, toParams(chosen, values), Number(count));
      if (!result.ok) throw new LaunchRejection(result.issues);
      return result.ids;
    },
    onSuccess: (ids, request) => {
      setErrors({});
      const count = ids.length;
      setLaunched(`Launched ${String(count)} × ${request.kind.label}.`);
      if (count === 1 && ids[0] !== undefined) actions.select(ids[0]);
    },
    onError: (error) => {
      setLaunched(null);
      setErrors(
        error instanceof LaunchRejection ? issuesByField(error.issues) : { form: error.message },
      );
    },
  });

  if (!kind) return <p>No demo events are available.</p>;

  const submit = (count: number | string): void => {
    launching.mutate({ kind, values: form.values, count });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    submit(1);
  };

  const setValue = (name: string, value: string | boolean): void => {
    setForm((previous) => ({ ...previous, values: { ...previous.values, [name]: value } }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const fieldNames = new Set(kind.fields.map((field) => field.name));
  const otherErrors = Object.entries(errors).filter(
    ([field]) => !fieldNames.has(field) && field !== 'count',
  );
  const burstId = `${idPrefix}-burst`;
  const burstErrorId = `${burstId}-error`;

  return (
    <form className="launch-panel" aria-label="Launch an event" noValidate onSubmit={onSubmit}>
      <KindPicker
        kinds={DEMO_KINDS}
        selected={kind.kind}
        onSelect={(next) => {
          const nextKind = DEMO_KINDS.find((entry) => entry.kind === next);
          if (!nextKind) return;
          setForm({ kind: next, values: initialValues(nextKind) });
          setErrors({});
          setLaunched(null);
        }}
      />
      <div className="kind-about">
        <Suspense fallback={<p className="muted">Loading the description…</p>}>
          <KindDescription kind={kind.kind} />
        </Suspense>
      </div>
      <fieldset className="params">
        <legend>Parameters: {kind.label}</legend>
        {kind.fields.map((field) => (
          <ParamField
            key={`${kind.kind}-${field.name}`}
            field={field}
            idPrefix={`${idPrefix}-${kind.kind}`}
            value={form.values[field.name] ?? ''}
            error={errors[field.name]}
            onChange={(value) => {
              setValue(field.name, value);
            }}
          />
        ))}
      </fieldset>
      <div className="launch-actions">
        <button type="submit" className="primary" disabled={launching.isPending}>
          {launching.isPending ? 'Launching…' : 'Launch'}
        </button>
        <div className="burst">
          <label htmlFor={burstId}>Burst size (N)</label>
          <input
            id={burstId}
            inputMode="numeric"
            size={6}
            value={burst}
            aria-invalid={errors.count ? true : undefined}
            aria-describedby={errors.count ? burstErrorId : undefined}
            onChange={(event) => {
              setBurst(event.target.value);
              setErrors(({ count: _cleared, ...rest }) => rest);
            }}
          />
          <button
            type="button"
            disabled={launching.isPending}
            onClick={() => {
              submit(burst.trim() === '' ? Number.NaN : burst);
            }}
          >
            Launch burst
          </button>
        </div>
        {errors.count ? (
          <p id={burstErrorId} role="alert" className="field-error">
            {errors.count}
          </p>
        ) : null}
      </div>
      {otherErrors.map(([field, message]) => (
        <p key={field} role="alert" className="field-error">
          {message}
        </p>
      ))}
      <p role="status" className="muted launch-result">
        {launched}
      </p>
    </form>
  );
}

import { useId, useState } from 'react';
import { useEventStore } from '../../store';
import { useStoreActions } from '../common/storeActions.ts';

/**
 * How many records history keeps: the oldest beyond the limit are pruned, and a notice says
 * how many. Shown once the saved history was read in, when it is kept in the browser.
 */
export default function RetentionControl() {
  const actions = useStoreActions();
  const retention = useEventStore((state) => state.retention);
  const persistent = useEventStore((state) => state.storage.mode === 'persistent');
  const inputId = useId();
  const errorId = `${inputId}-error`;
  // `null` until edited: the field shows the limit in force.
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  if (retention === null || !persistent) return null;

  return (
    <form
      className="retention"
      onSubmit={(event) => {
        event.preventDefault();
        const limit = Number((draft ?? String(retention)).replace(/[\s,_]/g, ''));
        void actions.setRetention(limit).then((result) => {
          // A refused value stays in the field, to be corrected rather than typed again.
          if (result.ok) setDraft(null);
          setOutcome(
            result.ok
              ? {
                  ok: true,
                  text: `History keeps the newest ${limit.toLocaleString('en')} records.`,
                }
              : { ok: false, text: result.error },
          );
        });
      }}
    >
      <label htmlFor={inputId}>Records kept</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        size={9}
        value={draft ?? String(retention)}
        aria-invalid={outcome?.ok === false ? true : undefined}
        aria-describedby={outcome?.ok === false ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
      />
      <button type="submit">Set limit</button>
      {outcome !== null ? (
        <p
          id={outcome.ok ? undefined : errorId}
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'muted' : 'field-error'}
        >
          {outcome.text}
        </p>
      ) : null}
    </form>
  );
}

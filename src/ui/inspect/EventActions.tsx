import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { EventRecord } from '../../store';
import { storeActions } from '../common/storeActions.ts';

/** Invoke again, invoke three times at once, cancel, retry fresh. */
export function EventActions({ record }: { record: EventRecord }) {
  const [copyMeta, setCopyMeta] = useState(false);
  const copyMetaId = useId();

  const invoking = useMutation({
    mutationFn: ({ id, times }: { id: string; times: number }) => storeActions().invoke(id, times),
  });
  const retrying = useMutation({
    mutationFn: ({ id, copy }: { id: string; copy: boolean }) => {
      const freshId = storeActions().retryFresh(id, { copyMeta: copy });
      if (freshId === null) throw new Error('This event cannot be retried; see the notices.');
      return Promise.resolve(freshId);
    },
    onSuccess: (freshId) => {
      storeActions().select(freshId);
    },
  });

  const isLive = record.source === 'live';
  const canRetry = record.source !== 'imported';
  const isRunning = record.status === 'pending' || record.status === 'processing';

  return (
    <div className="event-actions">
      <div className="row" role="group" aria-label="Invoke">
        <button
          type="button"
          disabled={!isLive || invoking.isPending}
          onClick={() => {
            invoking.mutate({ id: record.id, times: 1 });
          }}
        >
          Invoke again
        </button>
        <button
          type="button"
          disabled={!isLive || invoking.isPending}
          onClick={() => {
            invoking.mutate({ id: record.id, times: 3 });
          }}
        >
          Invoke ×3 at once
        </button>
        <button
          type="button"
          disabled={!isLive || !isRunning}
          onClick={() => {
            storeActions().cancel(record.id, 'cancelled from the inspector');
          }}
        >
          Cancel
        </button>
      </div>
      <div className="row" role="group" aria-label="Retry fresh">
        <button
          type="button"
          disabled={!canRetry || isRunning || retrying.isPending}
          onClick={() => {
            retrying.mutate({ id: record.id, copy: copyMeta });
          }}
        >
          {retrying.isPending ? 'Retrying…' : 'Retry fresh'}
        </button>
        <input
          id={copyMetaId}
          type="checkbox"
          checked={copyMeta}
          onChange={(event) => {
            setCopyMeta(event.target.checked);
          }}
        />
        <label htmlFor={copyMetaId}>copy metadata</label>
      </div>
      {invoking.isError ? (
        <p role="alert" className="field-error">
          Invoke failed: {invoking.error.message}
        </p>
      ) : null}
      {retrying.isError ? (
        <p role="alert" className="field-error">
          {retrying.error.message}
        </p>
      ) : null}
    </div>
  );
}

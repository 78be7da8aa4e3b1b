import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { receiverToken, requestRemoteRetry, whyNoRemoteRetry, type EventRecord } from '../../store';
import { noticeOnFailure, okOrThrow, useStoreActions } from '../common/storeActions.ts';
import { FOCUS_TARGET } from '../layout/focusTargets.ts';
import { actionsFor } from './actionsForStatus.ts';
import { focusWhenShown } from './focusRequest.ts';

/**
 * Invoke again, invoke three times at once, cancel, retry fresh — only those that make sense
 * for the record's status, with a word where the result would surprise.
 */
export function EventActions({ record }: { record: EventRecord }) {
  const actions = useStoreActions();
  const [copyMeta, setCopyMeta] = useState(false);
  const copyMetaId = useId();

  const invoking = useMutation({
    mutationFn: async ({ id, times }: { id: string; times: number }) =>
      okOrThrow(await actions.invoke(id, times)),
  });
  const retrying = useMutation({
    mutationFn: async ({ id, copy }: { id: string; copy: boolean }) => {
      if (record.remote !== undefined) {
        // The source runs the fresh attempt; it streams back and joins the chain.
        const why = await requestRemoteRetry(record, receiverToken() ?? '', { copyMeta: copy });
        if (why !== null) throw new Error(`Retry fresh was not sent: ${why}`);
        return null;
      }
      return okOrThrow(actions.retryFresh(id, { copyMeta: copy })).id;
    },
    onSuccess: (freshId) => {
      if (freshId === null) return;
      focusWhenShown(freshId);
      actions.select(freshId);
    },
  });

  const offered = actionsFor(record.status, record.source);
  const remoteRetryRefusal = whyNoRemoteRetry(record);
  const canRetryFresh = offered.retryFresh && remoteRetryRefusal === null;
  const isRunning = record.status === 'pending' || record.status === 'processing';

  return (
    <div className="event-actions">
      <div className="row" role="group" aria-label="Invoke">
        <button
          type="button"
          disabled={!offered.invoke || invoking.isPending}
          onClick={() => {
            invoking.mutate({ id: record.id, times: 1 });
          }}
        >
          Invoke again
        </button>
        <button
          type="button"
          disabled={!offered.invoke || invoking.isPending}
          onClick={() => {
            invoking.mutate({ id: record.id, times: 3 });
          }}
        >
          Invoke ×3 at once
        </button>
        {isRunning ? (
          <button
            type="button"
            disabled={!offered.cancel}
            onClick={() => {
              noticeOnFailure(actions, actions.cancel(record.id, 'cancelled from the inspector'));
              // The button goes with the running status; focus stays on the event.
              document.getElementById(FOCUS_TARGET.inspector)?.focus();
            }}
          >
            Cancel
          </button>
        ) : null}
      </div>
      {offered.invokeNote ? <p className="action-note">{offered.invokeNote}</p> : null}
      {isRunning || record.status === 'completed' ? null : (
        <div className="row" role="group" aria-label="Retry fresh">
          <button
            type="button"
            disabled={!canRetryFresh || retrying.isPending}
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
            disabled={!canRetryFresh}
            onChange={(event) => {
              setCopyMeta(event.target.checked);
            }}
          />
          <label htmlFor={copyMetaId}>copy metadata</label>
        </div>
      )}
      {offered.note ? <p className="action-note">{offered.note}</p> : null}
      {offered.retryFresh && remoteRetryRefusal !== null ? (
        <p className="action-note">{remoteRetryRefusal}</p>
      ) : null}
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

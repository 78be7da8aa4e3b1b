import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  useEventStoreApi,
  receiverToken,
  requestRemoteRetry,
  useRecordsSelector,
  whyNoRemoteRetry,
  type EventRecord,
  type IdList,
  type RecordsCache,
} from '../../../store';
import { noticeOnFailure } from '../../common/storeActions.ts';
import { downloadText } from '../../keep/downloadText.ts';
import { EXPORT_FORMAT_NAMES, exportRecords, type ExportFormat } from '../../keep/exportFormats.ts';
import { describeBulkRetry, planBulkRetry, type BulkRetryPlan } from './planBulkRetry.ts';
import { describeRetryOutcome, retryFreshAll } from './retryFreshAll.ts';
import { updateSelection, useSelection } from './selectionStore.ts';
import { NO_SELECTION, selectAll, selectedAmong } from './toggleSelection.ts';
import './bulkActions.css';

/**
 * Acts on the ticked events the filter shows: retry the retryable failed ones (after a
 * preview and a confirm), cancel the running ones, export them. Counts are announced.
 */
export function BulkActions({ shown }: { shown: IdList }) {
  const store = useEventStoreApi();
  const actions = store.getState();
  const ticked = useSelection((current) => current);
  // Nothing ticked (the usual case) costs nothing however many events are shown: the shown
  // ids are copied out of the list only when something is ticked.
  const selectedIds = useMemo(
    () => (ticked.ids.size === 0 ? [] : selectedAmong(ticked, shown.toArray())),
    [shown, ticked],
  );
  const selectedCount = selectedIds.length;
  const runningCount = useRecordsSelector((records) =>
    countIn(records, selectedIds, isCancellable),
  );
  const [plan, setPlan] = useState<BulkRetryPlan | null>(null);
  const [said, setSaid] = useState('');
  const [format, setFormat] = useState<ExportFormat>('lifecycle-lab');
  const formatId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const previewRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (plan !== null) confirmRef.current?.focus();
  }, [plan]);

  const selectedRecords = (): EventRecord[] => {
    const { records } = store;
    return selectedIds.flatMap((id) => records.get(id) ?? []);
  };

  const retrying = useMutation({
    mutationFn: (toRetry: readonly EventRecord[]) =>
      retryFreshAll(toRetry, {
        retryHere: (id) => {
          const fresh = actions.retryFresh(id);
          noticeOnFailure(actions, fresh, 'warning');
          return fresh.ok;
        },
        askSource: (record, others) =>
          requestRemoteRetry(record, receiverToken() ?? '', { alsoRecords: others }),
      }),
    onSuccess: (outcome) => {
      setSaid(describeRetryOutcome(outcome));
    },
  });

  const exporting = useMutation({
    mutationFn: async () => {
      const records = selectedRecords();
      const file = await exportRecords(format, records);
      await downloadText(file.parts, file.fileName);
      return records.length;
    },
    onSuccess: (count) => {
      setSaid(
        `Exported ${String(count)} ${count === 1 ? 'event' : 'events'} as ${EXPORT_FORMAT_NAMES[format]}.`,
      );
    },
  });

  const onPreview = (): void => {
    setSaid('');
    setPlan(planBulkRetry(selectedRecords(), latestAttempts(store.records), whyNoRemoteRetry));
  };

  const onCancelRunning = (): void => {
    let cancelled = 0;
    for (const record of selectedRecords()) {
      if (!isCancellable(record)) continue;
      const result = actions.cancel(record.id, 'cancelled with the others');
      noticeOnFailure(actions, result);
      if (result.ok) cancelled += 1;
    }
    setPlan(null);
    setSaid(`Cancelled ${String(cancelled)} running ${cancelled === 1 ? 'event' : 'events'}.`);
  };

  const allShown = shown.length > 0 && selectedCount === shown.length;
  return (
    <section className="bulk-actions" aria-label="Bulk actions">
      <div className="bulk-row">
        <label className="select-all">
          <input
            type="checkbox"
            checked={allShown}
            disabled={shown.length === 0}
            ref={(box) => {
              if (box) box.indeterminate = selectedCount > 0 && !allShown;
            }}
            onChange={() => {
              updateSelection((selection) =>
                allShown ? NO_SELECTION : selectAll(selection, shown.toArray()),
              );
            }}
          />
          Select all {shown.length} shown
        </label>
        <span className="selected-count" role="status">
          {selectedCount} selected
        </span>
        {selectedCount > 0 ? (
          <button
            type="button"
            onClick={() => {
              updateSelection(() => NO_SELECTION);
              setPlan(null);
            }}
          >
            Clear selection
          </button>
        ) : null}
      </div>
      {selectedCount > 0 ? (
        <div className="bulk-row" role="group" aria-label="With the selected events">
          <button ref={previewRef} type="button" onClick={onPreview} aria-expanded={plan !== null}>
            Retry all retryable failed…
          </button>
          <button type="button" disabled={runningCount === 0} onClick={onCancelRunning}>
            Cancel all running ({runningCount})
          </button>
          <span className="export-selection">
            <label htmlFor={formatId} className="visually-hidden">
              Export format
            </label>
            <select
              id={formatId}
              value={format}
              onChange={(event) => {
                setFormat(event.target.value as ExportFormat);
              }}
            >
              {Object.entries(EXPORT_FORMAT_NAMES).map(([value, name]) => (
                <option key={value} value={value}>
                  {name}
                </option>
              ))}
            </select>
            <button
              type="button"
              disabled={exporting.isPending}
              onClick={() => {
                exporting.mutate();
              }}
            >
              Export selection
            </button>
          </span>
        </div>
      ) : null}
      {plan !== null && selectedCount > 0 ? (
        <div className="bulk-preview" role="group" aria-label="Retry preview">
          <p>{describeBulkRetry(plan)}</p>
          <div className="row">
            <button
              ref={confirmRef}
              type="button"
              disabled={plan.retry.length === 0 || retrying.isPending}
              onClick={() => {
                retrying.mutate(plan.retry);
                setPlan(null);
                previewRef.current?.focus();
              }}
            >
              Retry {plan.retry.length} {plan.retry.length === 1 ? 'event' : 'events'}
            </button>
            <button
              type="button"
              onClick={() => {
                setPlan(null);
                previewRef.current?.focus();
              }}
            >
              Back
            </button>
          </div>
        </div>
      ) : null}
      <p className="bulk-said" role="status">
        {said}
      </p>
      {exporting.isError ? (
        <p role="alert" className="field-error">
          The export failed: {exporting.error.message}
        </p>
      ) : null}
    </section>
  );
}

function isCancellable(record: EventRecord): boolean {
  return (
    (record.status === 'pending' || record.status === 'processing') && record.source === 'live'
  );
}

function countIn(
  records: RecordsCache,
  ids: readonly string[],
  test: (record: EventRecord) => boolean,
): number {
  let count = 0;
  for (const id of ids) {
    const record = records.get(id);
    if (record !== undefined && test(record)) count += 1;
  }
  return count;
}

/** The newest attempt number of every chain in the history, for "already retried". */
function latestAttempts(records: RecordsCache): (chainId: string) => number {
  // A chain is sorted first attempt first.
  return (chainId) => records.chain(chainId).at(-1)?.attempt ?? 0;
}

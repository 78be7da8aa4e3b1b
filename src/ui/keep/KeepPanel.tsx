import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useId, useRef, useState } from 'react';
import {
  useEventStoreApi,
  MAX_IMPORT_BYTES,
  selectNoRecords,
  useEventStore,
  useRecordsSelector,
  type ImportResult,
} from '../../store';
import { downloadText } from './downloadText.ts';
import { exportRecords, type ExportFormat } from './exportFormats.ts';
import { importSummary } from './importSummary.ts';
import { formatCount, TaskProgress } from './TaskProgress.tsx';
import { useFileDrop } from './useFileDrop.ts';

// The retention limit is set rarely: its control follows the first render.
const RetentionControl = lazy(() => import('./RetentionControl.tsx'));

/** Export the history as JSON, import a log back, or clear everything. */
export function KeepPanel() {
  const store = useEventStoreApi();
  const actions = store.getState();
  const empty = useRecordsSelector(selectNoRecords);
  const storage = useEventStore((state) => state.storage);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // A log some of whose records do not fit: the person may import the others.
  const [partial, setPartial] = useState<{ file: File; importable: number } | null>(null);
  const [importProgress, setImportProgress] = useState<Progress | null>(null);
  const [exportProgress, setExportProgress] = useState<Progress | null>(null);
  const importController = useRef<AbortController | null>(null);
  const exportController = useRef<AbortController | null>(null);

  const importing = useMutation({
    mutationFn: async ({
      file,
      importValid,
    }: {
      file: File;
      importValid?: boolean;
    }): Promise<ImportOutcome> => {
      setPartial(null);
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(
          `${file.name} was not imported: it is ${megabytes(file.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}.`,
        );
      }
      const controller = new AbortController();
      importController.current = controller;
      setImportProgress({ label: `Reading ${file.name}…`, done: 0, total: null });
      let total = 0;
      try {
        // The file itself goes to the reader: its text is read off the page's thread.
        const result = await actions.importLog(file, file.name, {
          importValid: importValid === true,
          signal: controller.signal,
          onProgress: (progress) => {
            if (progress.phase === 'checking') {
              total = progress.total;
              setImportProgress({
                label: `Importing ${formatCount(progress.checked)} of ${formatCount(progress.total)}`,
                done: progress.checked,
                total: progress.total,
              });
            } else if (progress.phase === 'receiving') {
              // A lionherd log is checked as it is read: its total is known only at the end.
              setImportProgress({
                label:
                  total > 0
                    ? `Adding ${formatCount(progress.received)} of ${formatCount(total)} to the history`
                    : `Adding ${formatCount(progress.received)} to the history`,
                done: progress.received,
                total: total > 0 ? total : null,
              });
            } else if (progress.phase === 'adding') {
              setImportProgress({
                label: `Listing ${formatCount(progress.added)} of ${formatCount(progress.total)} in the history`,
                done: progress.added,
                total: progress.total,
              });
            } else if (progress.phase === 'saving') {
              setImportProgress({
                label: `Saving ${formatCount(progress.saved)} of ${formatCount(progress.total)} in this browser`,
                done: progress.saved,
                total: progress.total,
              });
            }
          },
        });
        if (!result.ok) {
          if (result.cancelled === true) return { cancelled: true, fileName: file.name };
          if (result.partial) setPartial({ file, importable: result.partial.importable });
          throw new Error(`${file.name} was not imported: ${result.error}`);
        }
        return { ...result, fileName: file.name };
      } finally {
        importController.current = null;
        setImportProgress(null);
      }
    },
    onSettled: () => {
      if (inputRef.current) inputRef.current.value = '';
    },
  });

  const importFile = importing.mutate;
  const importRunning = importing.isPending;

  // The file input is disabled while its import runs, which drops the focus onto the page's
  // body: once the import has settled, an import started from the panel gives it back.
  const refocusImport = useRef(false);
  useEffect(() => {
    if (importRunning || !refocusImport.current) return;
    refocusImport.current = false;
    if (document.activeElement === null || document.activeElement === document.body) {
      // Without scrolling: the page stays where the person was looking when the import ended.
      inputRef.current?.focus({ preventScroll: true });
    }
  }, [importRunning]);
  const dragging = useFileDrop(
    useCallback(
      (file: File) => {
        // One import at a time: its progress, Cancel and outcome are the panel's.
        if (importRunning) {
          actions.notify(
            'warning',
            `${file.name} was not imported: another import is running. Drop it again once that one is done.`,
          );
          return;
        }
        importFile({ file });
      },
      [actions, importFile, importRunning],
    ),
  );

  const exporting = useMutation({
    mutationFn: async (format: ExportFormat): Promise<'done' | 'cancelled'> => {
      const { records } = store;
      const list = records.order.toArray().flatMap((id) => records.get(id) ?? []);
      const controller = new AbortController();
      exportController.current = controller;
      const progress = (written: number): void => {
        setExportProgress({
          label: `Exporting ${formatCount(written)} of ${formatCount(list.length)}`,
          done: written,
          total: list.length,
        });
      };
      progress(0);
      try {
        const file = await exportRecords(format, list, {
          signal: controller.signal,
          onProgress: progress,
        });
        controller.signal.throwIfAborted();
        await downloadText(file.parts, file.fileName);
        return 'done';
      } catch (error) {
        if (controller.signal.aborted) return 'cancelled';
        throw error;
      } finally {
        exportController.current = null;
        setExportProgress(null);
      }
    },
  });

  return (
    <div className="keep-panel">
      <div className="row">
        <button
          type="button"
          onClick={() => {
            exporting.mutate('lifecycle-lab');
          }}
          disabled={empty || exporting.isPending}
        >
          Export log
        </button>
        <button
          type="button"
          onClick={() => {
            exporting.mutate('lionherd');
          }}
          disabled={empty || exporting.isPending}
        >
          Export as lionherd log
        </button>
        <button
          type="button"
          onClick={() => {
            exporting.mutate('otlp');
          }}
          disabled={empty || exporting.isPending}
        >
          Export OpenTelemetry traces
        </button>
        <span className="file-button">
          <input
            id={inputId}
            ref={inputRef}
            type="file"
            className="visually-hidden"
            accept="application/json,.json,.jsonl,.ndjson"
            disabled={importing.isPending}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              refocusImport.current = true;
              importing.mutate({ file });
            }}
          />
          <label htmlFor={inputId}>Import log</label>
        </span>
        <button
          type="button"
          disabled={empty}
          onClick={() => {
            if (!window.confirm('Forget every event in the history?')) return;
            actions.clear();
            // This button is disabled once the history is empty: the focus goes on to Import
            // log, the next thing to do with an empty history, not to the page's body.
            inputRef.current?.focus();
          }}
        >
          Clear history
        </button>
      </div>
      <p className="muted storage-mode">
        Or drop a JSON log anywhere on the page.{' '}
        {storage.mode === 'persistent'
          ? 'History is saved in this browser and survives a reload.'
          : `History is kept in memory only: ${storage.reason}`}
      </p>
      <Suspense fallback={null}>
        <RetentionControl />
      </Suspense>
      {exportProgress !== null ? (
        <TaskProgress
          {...exportProgress}
          onCancel={() => {
            exportController.current?.abort();
          }}
        />
      ) : null}
      {exporting.isSuccess && exporting.data === 'cancelled' ? (
        <p role="status">The export was cancelled.</p>
      ) : null}
      {exporting.isError ? (
        <p role="alert" className="field-error">
          The export failed: {exporting.error.message}
        </p>
      ) : null}
      {dragging ? (
        <div className="drop-target" aria-hidden="true">
          Drop the log to import it
        </div>
      ) : null}
      {importProgress !== null ? (
        <TaskProgress
          {...importProgress}
          onCancel={() => {
            importController.current?.abort();
          }}
        />
      ) : null}
      {importing.isSuccess ? (
        <p role="status">
          {'cancelled' in importing.data
            ? `The import of ${importing.data.fileName} was cancelled: nothing was added.`
            : importSummary(importing.data, importing.data.fileName)}
        </p>
      ) : null}
      {importing.isError ? (
        <p role="alert" className="field-error">
          {importing.error.message}
        </p>
      ) : null}
      {importing.isError && partial !== null ? (
        <button
          type="button"
          onClick={() => {
            // This button goes away as the import starts.
            refocusImport.current = true;
            importing.mutate({ file: partial.file, importValid: true });
          }}
        >
          Import the {partial.importable} {partial.importable === 1 ? 'event' : 'events'} that fit
          and leave out the rest
        </button>
      ) : null}
    </div>
  );
}

/** A long task's state as {@link TaskProgress} shows it. */
interface Progress {
  label: string;
  done: number;
  total: number | null;
}

/** What an import did, or that it was cancelled before it added anything. */
type ImportOutcome =
  | (Extract<ImportResult, { ok: true }> & { fileName: string })
  | { cancelled: true; fileName: string };

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

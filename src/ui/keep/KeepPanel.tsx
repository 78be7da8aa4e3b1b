import { useMutation } from '@tanstack/react-query';
import { useCallback, useId, useRef, useState } from 'react';
import { getAppStore, MAX_IMPORT_BYTES, useEventStore } from '../../store';
import { downloadText } from './downloadText.ts';
import { exportRecords, type ExportFormat } from './exportFormats.ts';
import { importSummary } from './importSummary.ts';
import { useFileDrop } from './useFileDrop.ts';
import { storeActions } from '../common/storeActions.ts';

/** Export the history as JSON, import a log back, or clear everything. */
export function KeepPanel() {
  const total = useEventStore((state) => state.order.length);
  const storage = useEventStore((state) => state.storage);
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // A lionherd log some of whose records do not fit: the person may import the others.
  const [partial, setPartial] = useState<{ file: File; importable: number } | null>(null);

  const importing = useMutation({
    mutationFn: async ({ file, importValid }: { file: File; importValid?: boolean }) => {
      setPartial(null);
      if (file.size > MAX_IMPORT_BYTES) {
        throw new Error(
          `${file.name} was not imported: it is ${megabytes(file.size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}.`,
        );
      }
      const result = await storeActions().importLog(await file.text(), file.name, {
        importValid: importValid === true,
      });
      if (!result.ok) {
        if (result.partial) setPartial({ file, importable: result.partial.importable });
        throw new Error(`${file.name} was not imported: ${result.error}`);
      }
      return { ...result, fileName: file.name };
    },
    onSettled: () => {
      if (inputRef.current) inputRef.current.value = '';
    },
  });

  const importFile = importing.mutate;
  const dragging = useFileDrop(
    useCallback(
      (file: File) => {
        importFile({ file });
      },
      [importFile],
    ),
  );

  const exporting = useMutation({
    mutationFn: async (format: ExportFormat) => {
      const { records, order } = getAppStore().getState();
      const file = await exportRecords(
        format,
        order.flatMap((id) => records[id] ?? []),
      );
      downloadText(file.text, file.fileName);
    },
  });

  const onExport = (): void => {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    downloadText(storeActions().exportLog(), `lifecycle-lab-${stamp}.json`);
  };

  return (
    <div className="keep-panel">
      <div className="row">
        <button type="button" onClick={onExport} disabled={total === 0}>
          Export log
        </button>
        <button
          type="button"
          onClick={() => {
            exporting.mutate('lionherd');
          }}
          disabled={total === 0 || exporting.isPending}
        >
          Export as lionherd log
        </button>
        <button
          type="button"
          onClick={() => {
            exporting.mutate('otlp');
          }}
          disabled={total === 0 || exporting.isPending}
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
              if (file) importing.mutate({ file });
            }}
          />
          <label htmlFor={inputId}>Import log</label>
        </span>
        <button
          type="button"
          disabled={total === 0}
          onClick={() => {
            if (window.confirm('Forget every event in the history?')) storeActions().clear();
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
      {importing.isPending ? <p role="status">Importing…</p> : null}
      {importing.isSuccess ? (
        <p role="status">{importSummary(importing.data, importing.data.fileName)}</p>
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

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

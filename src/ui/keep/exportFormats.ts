import { formatLogInSlices, type EventRecord } from '../../store';

/** The formats the history can be exported in. */
export type ExportFormat = 'lifecycle-lab' | 'lionherd' | 'otlp';

/** Each format's name on a button or in a menu. */
export const EXPORT_FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  'lifecycle-lab': 'Lifecycle Lab log',
  lionherd: 'lionherd log',
  otlp: 'OpenTelemetry traces',
};

interface ExportedFile {
  /** The file's text in parts, for `new Blob(parts)`. */
  parts: string[];
  fileName: string;
}

export interface ExportOptions {
  signal?: AbortSignal;
  onProgress?: (written: number, total: number) => void;
}

/**
 * Writes `records` in one of the export formats, in slices that keep the page responsive.
 * The other tools' converters (and OpenTelemetry's packages) are loaded on first use, so
 * they cost nothing until someone exports.
 */
export async function exportRecords(
  format: ExportFormat,
  records: readonly EventRecord[],
  options: ExportOptions = {},
): Promise<ExportedFile> {
  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (format === 'lifecycle-lab') {
    return {
      parts: await formatLogInSlices(records, now, options),
      fileName: `lifecycle-lab-${stamp}.json`,
    };
  }
  if (format === 'lionherd') {
    const [{ toLionherdRecord }, { writeInSlices }] = await Promise.all([
      import('../../store/formats/lionherd'),
      import('../../store/formats/writeInSlices'),
    ]);
    // Exactly `JSON.stringify(list, null, 2)`, written a record at a time.
    const shape =
      records.length === 0
        ? { head: '[]', separator: '', tail: '' }
        : { head: '[\n  ', separator: ',\n  ', tail: '\n]' };
    const parts = await writeInSlices(
      records,
      (record) => JSON.stringify(toLionherdRecord(record), null, 2).replaceAll('\n', '\n  '),
      shape,
      options,
    );
    return { parts, fileName: `lionherd-events-${stamp}.json` };
  }
  const { toOtlpJsonInSlices } = await import('../../store/formats/otlp');
  return {
    parts: await toOtlpJsonInSlices(records, options),
    fileName: `lifecycle-lab-traces-${stamp}.otlp.json`,
  };
}

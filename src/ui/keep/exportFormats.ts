import type { EventRecord } from '../../store';

/** The formats the history can be exported in. */
export type ExportFormat = 'lionherd' | 'otlp';

interface ExportedFile {
  text: string;
  fileName: string;
}

/**
 * Writes `records` in another tool's format. The converters (and OpenTelemetry's packages)
 * are loaded on first use, so they cost nothing until someone exports.
 */
export async function exportRecords(
  format: ExportFormat,
  records: readonly EventRecord[],
): Promise<ExportedFile> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  if (format === 'lionherd') {
    const { toLionherdRecords } = await import('../../store/formats/lionherd');
    return {
      text: JSON.stringify(toLionherdRecords(records), null, 2),
      fileName: `lionherd-events-${stamp}.json`,
    };
  }
  const { toOtlpJson } = await import('../../store/formats/otlp');
  return { text: await toOtlpJson(records), fileName: `lifecycle-lab-traces-${stamp}.otlp.json` };
}

import type { EventRecord } from '../../store';

/** The formats the history can be exported in. */
export type ExportFormat = 'lifecycle-lab' | 'lionherd' | 'otlp';

/** Each format's name on a button or in a menu. */
export const EXPORT_FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  'lifecycle-lab': 'Lifecycle Lab log',
  lionherd: 'lionherd log',
  otlp: 'OpenTelemetry traces',
};

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
  const now = new Date();
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (format === 'lifecycle-lab') {
    const { formatLog } = await import('../../store/formats/log');
    return { text: formatLog([...records], now), fileName: `lifecycle-lab-${stamp}.json` };
  }
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

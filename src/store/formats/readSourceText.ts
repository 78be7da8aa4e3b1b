import { decodeUtf8, describeNotUtf8 } from './decodeUtf8';
import { MAX_IMPORT_BYTES } from './log';
import { tooLargeError, whereOf } from './parseLog';

/** An imported log's text, or why it has none, in words naming the file. */
export type SourceText = { ok: true; text: string } | { ok: false; error: string };

/**
 * The text of an imported file (or of text given as such), read strictly as UTF-8: a file
 * whose bytes are not is refused, naming where, rather than read with U+FFFD in their place.
 * A file over `maxBytes` is refused by its size, before a byte of it is read into memory.
 */
export async function readSourceText(
  source: string | Blob,
  fileName: string | undefined,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<SourceText> {
  if (typeof source === 'string') return { ok: true, text: source };
  const where = whereOf(fileName);
  if (source.size > maxBytes)
    return { ok: false, error: tooLargeError(where, source.size, maxBytes) };
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await source.arrayBuffer());
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `${where} could not be read (${detail}).` };
  }
  const text = decodeUtf8(bytes);
  if (typeof text === 'string') return { ok: true, text };
  return {
    ok: false,
    error: `${where} ${describeNotUtf8(text)}. Save it as UTF-8 and import it again; nothing was imported.`,
  };
}

import { yieldToBrowser } from '../../store';
import { textChunks } from './textChunks.ts';

/**
 * Characters encoded into the file per task: a `Blob` of 60 MB of text took 355 ms in one
 * task; a few MB at a time is a few ms each.
 */
const CHARS_PER_TASK = 2_000_000;

/**
 * Saves text, given whole or in parts, as a file through the browser's download. Parts are
 * encoded a few MB at a time with the browser let in between (see `textChunks`), so a file of
 * hundreds of MB is made without one long task.
 */
export async function downloadText(
  text: string | readonly string[],
  fileName: string,
  type = 'application/json',
): Promise<void> {
  const parts = typeof text === 'string' ? [text] : text;
  const blobs: Blob[] = [];
  let sinceYield = 0;
  for (const chunk of textChunks(parts, CHARS_PER_TASK)) {
    blobs.push(new Blob([chunk]));
    sinceYield += chunk.length;
    if (sinceYield >= CHARS_PER_TASK) {
      sinceYield = 0;
      await yieldToBrowser();
    }
  }
  const url = URL.createObjectURL(new Blob(blobs, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next task: the download has started by then.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

import { yieldToBrowser } from '../../store';

/**
 * Saves text, given whole or in parts, as a file through the browser's download. Parts are
 * encoded one at a time with the browser let in between, so a file of hundreds of MB is made
 * without one long task.
 */
export async function downloadText(
  text: string | readonly string[],
  fileName: string,
  type = 'application/json',
): Promise<void> {
  const parts = typeof text === 'string' ? [text] : text;
  const blobs: Blob[] = [];
  for (const [index, part] of parts.entries()) {
    blobs.push(new Blob([part]));
    if (index % 8 === 7) await yieldToBrowser();
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

/** One line of a text diff. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
}

/** Longest texts, in lines, that get a line-by-line diff; longer ones are shown whole. */
export const MAX_DIFF_LINES = 400;

/**
 * The lines of `before` and `after` as a diff: common lines once, lines only in `before` as
 * removed, lines only in `after` as added (a longest common subsequence, so a change in the
 * middle shows as that change alone). `null` when either text has more than
 * {@link MAX_DIFF_LINES} lines, so a huge response never freezes the page.
 *
 * ```ts
 * lineDiff('a\nb', 'a\nc'); // same a, removed b, added c
 * ```
 */
export function lineDiff(before: string, after: string): DiffLine[] | null {
  const left = before.split('\n');
  const right = after.split('\n');
  if (left.length > MAX_DIFF_LINES || right.length > MAX_DIFF_LINES) return null;
  // common[i][j]: length of the longest common subsequence of left[i..] and right[j..].
  const width = right.length + 1;
  const common = new Uint16Array((left.length + 1) * width);
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      common[i * width + j] =
        left[i] === right[j]
          ? (common[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const lines: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const a = left[i] ?? '';
    const b = right[j] ?? '';
    if (a === b) {
      lines.push({ kind: 'same', text: a });
      i++;
      j++;
    } else if ((common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0)) {
      lines.push({ kind: 'removed', text: a });
      i++;
    } else {
      lines.push({ kind: 'added', text: b });
      j++;
    }
  }
  for (; i < left.length; i++) lines.push({ kind: 'removed', text: left[i] ?? '' });
  for (; j < right.length; j++) lines.push({ kind: 'added', text: right[j] ?? '' });
  return lines;
}

/**
 * What the inspector reads of a long text: a plain string has all of it, and so has a
 * `ChunkedText`.
 */
export interface TextSource {
  readonly length: number;
  charCodeAt: (index: number) => number;
  slice: (start: number, end: number) => string;
  /** The first index of `search` (one character) at or after `from`, or -1. */
  indexOf: (search: string, from: number) => number;
  /** The whole text as one string: as costly as the text is long. */
  toString: () => string;
}

/**
 * A long text kept as the pieces it was written in. A 10 MB string built by appending, or
 * joined, is one copy of the whole text the first time it is read: 10–20 ms in a single task
 * that nothing can interrupt. Read through this, a row or the first 2,000 characters costs
 * what it shows, and only "copy" pays for the whole.
 */
export class ChunkedText implements TextSource {
  readonly length: number;
  readonly #chunks: readonly string[];
  /** Where each chunk starts in the text. */
  readonly #starts: number[];
  /** The chunk read last: rows are read in order, so the next read is usually in it. */
  #last = 0;

  constructor(chunks: readonly string[]) {
    this.#chunks = chunks.filter((chunk) => chunk.length > 0);
    this.#starts = [];
    let length = 0;
    for (const chunk of this.#chunks) {
      this.#starts.push(length);
      length += chunk.length;
    }
    this.length = length;
  }

  charCodeAt(index: number): number {
    if (index < 0 || index >= this.length) return Number.NaN;
    const chunk = this.#chunkAt(index);
    return (this.#chunks[chunk] ?? '').charCodeAt(index - (this.#starts[chunk] ?? 0));
  }

  slice(start: number, end: number): string {
    const from = Math.max(0, Math.min(start, this.length));
    const to = Math.max(from, Math.min(end, this.length));
    if (from === to) return '';
    let chunk = this.#chunkAt(from);
    let text = '';
    let at = from;
    while (at < to) {
      const chunkStart = this.#starts[chunk] ?? 0;
      const piece = this.#chunks[chunk] ?? '';
      text += piece.slice(at - chunkStart, to - chunkStart);
      at = chunkStart + piece.length;
      chunk += 1;
    }
    return text;
  }

  indexOf(search: string, from: number): number {
    if (search.length !== 1) throw new RangeError('ChunkedText.indexOf looks for one character');
    if (from >= this.length) return -1;
    for (let chunk = this.#chunkAt(Math.max(0, from)); chunk < this.#chunks.length; chunk++) {
      const chunkStart = this.#starts[chunk] ?? 0;
      const found = (this.#chunks[chunk] ?? '').indexOf(search, Math.max(0, from - chunkStart));
      if (found !== -1) return chunkStart + found;
    }
    return -1;
  }

  toString(): string {
    return this.#chunks.join('');
  }

  /** The chunk that holds `index` (0 ≤ index < length). */
  #chunkAt(index: number): number {
    const starts = this.#starts;
    const last = this.#last;
    const lastEnd = starts[last + 1] ?? this.length;
    if (index >= (starts[last] ?? 0) && index < lastEnd) return last;
    if (index >= lastEnd && index < (starts[last + 2] ?? this.length))
      return (this.#last = last + 1);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= index) low = middle;
      else high = middle - 1;
    }
    return (this.#last = low);
  }
}

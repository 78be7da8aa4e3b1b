import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRecord } from '../../../../tests/interop/makeRecord';
import { compareAttempts } from './compareAttempts';
import { lineDiff, MAX_DIFF_LINES } from './lineDiff';

describe('line diff', () => {
  it('shows a change in the middle as that change alone', () => {
    expect(lineDiff('a\nb\nc', 'a\nx\nc')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'c' },
    ]);
  });

  it('gives up on texts too long to diff quickly', () => {
    expect(lineDiff('x\n'.repeat(MAX_DIFF_LINES + 1), 'y')).toBeNull();
  });

  it('rebuilds both texts: removed and same lines give the first, added and same the second', () => {
    const text = fc
      .array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 12 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const diff = lineDiff(before, after) ?? [];
        const side = (kind: 'removed' | 'added') =>
          diff
            .filter((line) => line.kind !== kind)
            .map((line) => line.text)
            .join('\n');
        expect(side('added')).toBe(before);
        expect(side('removed')).toBe(after);
      }),
    );
  });
});

describe('comparing two attempts', () => {
  const failed = makeRecord({
    id: 'one',
    status: 'failed',
    duration: 0.25,
    execution: {
      status: 'failed',
      duration: 0.25,
      response: null,
      error: { error: 'ConnectionError', message: 'refused' },
      retryable: true,
    },
    verdict: 'retryable',
    metadata: { attempt: 1 },
  });
  const completed = makeRecord({ id: 'two', metadata: { attempt: 2, original: { id: 'one' } } });

  it('names every field and says which differ', () => {
    const fields = compareAttempts(failed, completed);
    expect(fields.map((field) => [field.name, field.same])).toEqual([
      ['status', false],
      ['duration', false],
      ['error type', false],
      ['error message', false],
      ['verdict', false],
      ['result', false],
      ['parameters', true],
      ['metadata', false],
    ]);
    expect(fields[2]).toMatchObject({ first: 'ConnectionError', second: '—' });
    expect(fields[1]).toMatchObject({ first: '250 ms', second: '2 ms' });
  });

  it('diffs multi-line text such as metadata line by line', () => {
    const metadata = compareAttempts(failed, completed).find((field) => field.name === 'metadata');
    expect(
      metadata?.diff?.filter((line) => line.kind === 'added').map((line) => line.text),
    ).toEqual(['  "attempt": 2,', '  "original": {', '    "id": "one"', '  }']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildErrorTree, withRecordedRetryable } from './errorTreeModel.ts';
import { ruleNote, verdictInWords } from './verdictWords.ts';

describe('verdictInWords', () => {
  const nestedGroup = buildErrorTree({
    error: 'AggregateError',
    message: 'upstream calls',
    exceptions: [
      { error: 'ConnectionError', message: 'reset', retryable: true },
      {
        error: 'AggregateError',
        message: 'validation',
        exceptions: [{ error: 'ValidationError', message: 'bad', retryable: false }],
      },
    ],
  });

  it('states the verdict a lionherd-core log recorded, and this rule beside it when they differ', () => {
    expect(verdictInWords(withRecordedRetryable(nestedGroup, true))).toBe(
      "retryable — as lionherd-core recorded it; this dashboard's rule would say not retryable (a group of errors is retryable only when every error in it is)",
    );
    expect(verdictInWords(withRecordedRetryable(nestedGroup, false))).toBe(
      'not retryable — as lionherd-core recorded it',
    );
  });

  it('names the silent-error rule for an error that carries no flag', () => {
    const root = buildErrorTree({ error: 'ValueError', message: 'boom' });
    expect(verdictInWords(root)).toBe(
      "retryable — an error that says nothing about retrying counts as retryable (lionherd's rule), and ValueError 'boom' says nothing about it",
    );
  });

  it("believes an error's own flag and says so", () => {
    const root = buildErrorTree({ error: 'ValidationError', message: 'bad', retryable: false });
    expect(verdictInWords(root)).toBe(
      "not retryable — ValidationError 'bad' says it is not retryable (an error's own retryable flag is believed)",
    );
  });

  it('names the group rule and the error inside that decided it', () => {
    const root = buildErrorTree({
      error: 'AggregateError',
      message: 'two',
      exceptions: [
        { error: 'ValueError', message: 'a' },
        { error: 'NotFoundError', message: 'gone', retryable: false },
      ],
    });
    expect(verdictInWords(root)).toBe(
      "not retryable — NotFoundError 'gone' inside AggregateError 'two' is not retryable (a group of errors is retryable only when every error in it is)",
    );
  });

  it('counts the errors of a group that is retryable throughout', () => {
    const one = buildErrorTree({
      error: 'AggregateError',
      message: '',
      exceptions: [{ error: 'ValueError', message: 'a' }],
    });
    expect(verdictInWords(one)).toMatch(/^retryable — the one error inside AggregateError is/);
  });

  it('never words a verdict as a double negative', () => {
    const root = buildErrorTree({ error: 'Error', message: 'x' });
    expect(verdictInWords(root)).not.toMatch(/not .* not/);
  });
});

describe('ruleNote', () => {
  it('is empty for an error that declared its flag', () => {
    expect(ruleNote(buildErrorTree({ error: 'E', message: '', retryable: true }))).toBe('');
  });

  it('says which rule decided an undeclared node', () => {
    expect(ruleNote(buildErrorTree({ error: 'E', message: '' }))).toBe(
      ' (says nothing, so counts as retryable)',
    );
    const group = buildErrorTree({
      error: 'AggregateError',
      message: '',
      exceptions: [{ error: 'E', message: '', retryable: false }],
    });
    expect(ruleNote(group)).toBe(' (an error inside is not)');
  });
});

import { describe, expect, it } from 'vitest';
import { Unset } from '../../lib';
import { KeyError } from '../../lib/demo';
import { formatValue } from './formatValue';

describe('formatValue', () => {
  it('quotes strings the way TypeScript writes them', () => {
    expect(formatValue('done')).toBe('"done"');
  });

  it('names Unset, null and undefined, so they cannot be mistaken for each other', () => {
    expect([formatValue(Unset), formatValue(null), formatValue(undefined)]).toEqual([
      'Unset',
      'null',
      'undefined',
    ]);
  });

  it('writes numbers and booleans as they are', () => {
    expect([formatValue(42), formatValue(true)]).toEqual(['42', 'true']);
  });

  it('writes errors as "Name: message", keeping a KeyError’s quotes', () => {
    expect(formatValue(new KeyError('missing key'))).toBe("KeyError: 'missing key'");
  });

  it('writes plain data as indented JSON, Unset inside it as null', () => {
    expect(formatValue({ response: Unset, status: 'pending' })).toBe(
      '{\n  "response": null,\n  "status": "pending"\n}',
    );
  });

  it('keeps markup as text', () => {
    expect(formatValue('<img src=x onerror=alert(1)>')).toBe('"<img src=x onerror=alert(1)>"');
  });
});

import { describe, expect, it } from 'vitest';
import lionherdSample from '../../public/samples/lionherd-notebook-run.json?raw';
import nativeSample from '../../public/samples/lifecycle-lab-sample.json?raw';
import fixtureText from '../fixtures/lionherd-python/notebook-run.json?raw';
import * as lionherd from '../../src/store/formats/lionherd';
import { parseLog } from '../../src/store/formats/parseLog';

describe('the samples the dashboard ships in public/samples', () => {
  it('include the lionherd notebook run, identical to the test fixture', () => {
    expect(lionherdSample).toBe(fixtureText);
  });

  it('import as a lionherd-core log', () => {
    const result = parseLog(lionherdSample, lionherd, 'lionherd-notebook-run.json');
    expect(result.ok && result.format).toBe('lionherd');
    expect(result.ok && result.records).toHaveLength(12);
  });

  it('include a Lifecycle Lab export that imports as one', () => {
    const result = parseLog(nativeSample, lionherd, 'lifecycle-lab-sample.json');
    if (!result.ok) throw new Error(result.error);
    expect(result.format).toBe('lifecycle-lab');
    expect(result.records.length).toBeGreaterThanOrEqual(8);
    expect(new Set(result.records.map((record) => record.status))).toEqual(
      new Set(['completed', 'failed', 'cancelled']),
    );
  });
});

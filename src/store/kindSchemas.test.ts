import { describe, expect, test, vi } from 'vitest';
import { KIND_SCHEMAS } from './kindSchemas';
import { checkLaunch } from './launchChecks';

const simple = KIND_SCHEMAS.simple;

describe('KindSchema.bind', () => {
  test('checks the params once, however many events it then builds', () => {
    if (simple === undefined) throw new Error('no simple kind');
    const parse = vi.spyOn(simple.schema, 'parse');
    try {
      const build = simple.bind({ returnValue: '{"n": 1}', timeout: '' });
      const events = [build({}, 0), build({}, 1), build({}, 2)];
      expect(parse).toHaveBeenCalledTimes(1);
      expect(new Set(events.map((event) => event.id)).size).toBe(3);
    } finally {
      parse.mockRestore();
    }
  });

  test('events built from shared params do not share what they return', async () => {
    if (simple === undefined) throw new Error('no simple kind');
    const build = simple.bind({ returnValue: '{"n": 1}' });
    const [first, second] = [build(), build()];
    await Promise.all([first.invoke(), second.invoke()]);
    expect(first.execution.response).toEqual({ n: 1 });
    expect(first.execution.response).not.toBe(second.execution.response);
  });

  test('refuses invalid params as create does, before building anything', () => {
    const slow = KIND_SCHEMAS.slow;
    if (slow === undefined) throw new Error('no slow kind');
    expect(() => slow.bind({ delay: 'soon' })).toThrow(/delay/);
    expect(() => slow.create({ delay: 'soon' })).toThrow(/delay/);
  });

  test('a checked burst builds its events without checking the params again', () => {
    if (simple === undefined) throw new Error('no simple kind');
    const checked = checkLaunch('simple', { returnValue: '7' }, 100);
    if (!checked.ok) throw new Error('launch refused');
    const parse = vi.spyOn(simple.schema, 'parse');
    try {
      for (let index = 0; index < checked.count; index++) checked.create({}, index);
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

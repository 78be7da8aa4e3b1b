import { describe, expect, it, vi } from 'vitest';
import { readSourceText } from './readSourceText';

describe('readSourceText', () => {
  it('refuses a file over the limit by its size, without reading it into memory', async () => {
    const arrayBuffer = vi.fn();
    const huge = { size: 2 * 1024 ** 3, arrayBuffer } as unknown as Blob;
    expect(await readSourceText(huge, 'huge.json')).toEqual({
      ok: false,
      error: '"huge.json" is 2048 MB; the largest log this dashboard imports is 512 MB.',
    });
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  it('reads a file of UTF-8, and gives text given as text as it is', async () => {
    const text = '[{"id":"café ✔"}]';
    expect(await readSourceText(new Blob([text]), 'ok.json')).toEqual({ ok: true, text });
    expect(await readSourceText('\uFFFD as given', undefined)).toEqual({
      ok: true,
      text: '\uFFFD as given',
    });
  });

  it('says so in words when the file cannot be read', async () => {
    const unreadable = {
      size: 10,
      arrayBuffer: () => Promise.reject(new Error('the file was moved')),
    } as unknown as Blob;
    expect(await readSourceText(unreadable, '')).toEqual({
      ok: false,
      error: 'The file could not be read (the file was moved).',
    });
  });
});

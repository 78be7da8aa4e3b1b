import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import { compileWith } from './compileCode';

describe('compiling the learner code', () => {
  it('strips TypeScript types and keeps the code otherwise as written', () => {
    const result = compileWith(
      transform,
      'async function _invoke(ctx: { signal: AbortSignal }): Promise<number> {\n  return 1;\n}',
      'typescript',
    );
    expect(result).toEqual({ ok: true, code: 'async function _invoke(ctx) {\n  return 1;\n}' });
  });

  it('keeps the lines where they were, so errors at run time point at the right line', () => {
    const source = 'interface A {\n  a: number;\n}\nfunction _invoke() {\n  throw new Error();\n}';
    const result = compileWith(transform, source, 'typescript');
    expect(result.ok && result.code.split('\n').length).toBe(source.split('\n').length);
  });

  it('gives a syntax error with its line and column', () => {
    const result = compileWith(transform, 'function _invoke() {\n  return = 1;\n}', 'javascript');
    expect(result).toMatchObject({ ok: false, line: 2, message: 'Unexpected token' });
  });

  it('refuses TypeScript syntax in JavaScript', () => {
    const result = compileWith(transform, 'let a: number = 1;', 'javascript');
    expect(result).toMatchObject({ ok: false, line: 1 });
  });
});

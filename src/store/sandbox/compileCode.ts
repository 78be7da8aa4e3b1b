import type { transform as sucraseTransform } from 'sucrase';

/** The language a learner writes their event in. */
export type CodeLanguage = 'javascript' | 'typescript';

/** What compiling gives: plain JavaScript, or the first syntax error and where it is. */
export type CompileResult =
  | { ok: true; code: string }
  | {
      ok: false;
      message: string;
      /** 1-based line and column, and the 0-based offset in the code. */
      line: number;
      column: number;
      offset: number;
    };

/** A request to the compile worker. */
export interface CompileRequest {
  id: number;
  code: string;
  language: CodeLanguage;
}

/**
 * Strips TypeScript's types (and checks JavaScript's syntax) with sucrase. Pure: used by the
 * compile worker (`./compileWorker`), and by tests directly.
 */
export function compileWith(
  transform: typeof sucraseTransform,
  code: string,
  language: CodeLanguage,
): CompileResult {
  try {
    const result = transform(code, {
      transforms: language === 'typescript' ? ['typescript'] : [],
      disableESTransforms: true,
      preserveDynamicImport: true,
    });
    return { ok: true, code: result.code };
  } catch (error) {
    return describeSyntaxError(error, code);
  }
}

/** Sucrase throws a `SyntaxError` with `loc` ({ line, column }) and `pos`. */
function describeSyntaxError(error: unknown, code: string): CompileResult {
  const { message, loc, pos } = error as {
    message?: unknown;
    loc?: { line?: unknown; column?: unknown };
    pos?: unknown;
  };
  const offset = typeof pos === 'number' ? Math.min(Math.max(0, pos), code.length) : 0;
  const line = typeof loc?.line === 'number' ? loc.line : 1;
  const column = typeof loc?.column === 'number' ? loc.column : 1;
  const text =
    typeof message === 'string' ? message.replace(/\s*\(\d+:\d+\)$/, '') : 'Syntax error';
  return { ok: false, message: text, line, column, offset };
}

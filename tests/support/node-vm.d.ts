/**
 * The part of Node's `vm` module that the sandbox tests use to run the worker script in a V8
 * context of its own. Declared here because the app's type program, which holds those tests,
 * leaves Node's types out: browser code must not typecheck against Node globals.
 */
declare module 'node:vm' {
  export function createContext(globals: Record<string, unknown>): object;
  export function runInContext(
    code: string,
    context: object,
    options?: { filename?: string },
  ): unknown;
}

import { LionherdError } from '../../lib';

/**
 * A thrown value as plain data, so it can cross from the sandbox worker to the page: errors
 * keep their name, message, own `retryable`, the errors of an aggregate and their `cause`,
 * recursively; anything else thrown is kept as a structured-cloneable primitive or described.
 */
export type ThrownTree =
  | {
      kind: 'error';
      name: string;
      message: string;
      /** The error's own boolean `retryable`, if it has one. */
      retryable?: boolean;
      /** The 1-based line of the learner's code it was thrown from, if the stack says. */
      line?: number;
      /** For an aggregate: the errors inside it. */
      errors?: ThrownTree[];
      cause?: ThrownTree;
    }
  | { kind: 'value'; value: string | number | boolean | null | undefined | bigint };

/** Bounds of a tree, on both sides: what the worker writes and what the page believes. */
export const THROWN_LIMITS = { depth: 100, children: 1000, text: 10_000 } as const;

/**
 * Turns anything thrown into a {@link ThrownTree}. It runs inside the sandbox worker, where it
 * is inlined as source text (see `./workerSource`): it must use nothing from outside its own
 * body, and never throw whatever it is given. `lineOf` maps a stack to a line of the code.
 */
export function serializeThrown(
  thrown: unknown,
  lineOf: (stack: string) => number | undefined,
): ThrownTree {
  const limits = { depth: 100, children: 1000, text: 10_000 };
  const seen = new Set<unknown>();
  const read = (get: () => unknown): unknown => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  const clip = (text: string): string =>
    text.length > limits.text ? `${text.slice(0, limits.text)}…` : text;
  const visit = (value: unknown, depth: number): ThrownTree => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      if (typeof value === 'string') return { kind: 'value', value: clip(value) };
      if (typeof value === 'symbol' || typeof value === 'function') {
        return { kind: 'value', value: clip(String(read(() => String(value)))) };
      }
      return { kind: 'value', value: value as string | number | boolean | null | undefined };
    }
    const nameRead = read(() => (value as { name?: unknown }).name);
    const messageRead = read(() => (value as { message?: unknown }).message);
    const name = typeof nameRead === 'string' && nameRead !== '' ? nameRead : 'Object';
    let message: string;
    if (typeof messageRead === 'string') message = messageRead;
    else {
      const json = read(() => JSON.stringify(value));
      message = typeof json === 'string' ? json : '<unreadable>';
    }
    const tree: ThrownTree = { kind: 'error', name: clip(name), message: clip(message) };
    if (seen.has(value)) {
      tree.message = 'Circular reference detected';
      return tree;
    }
    if (depth >= limits.depth) {
      tree.message = `Max nesting depth (${String(limits.depth)}) exceeded`;
      return tree;
    }
    seen.add(value);
    const retryable = read(() => (value as { retryable?: unknown }).retryable);
    if (typeof retryable === 'boolean') tree.retryable = retryable;
    const stack = read(() => (value as { stack?: unknown }).stack);
    if (typeof stack === 'string') {
      const line = lineOf(stack);
      if (line !== undefined) tree.line = line;
    }
    const errors = read(() => (value as { errors?: unknown }).errors);
    if (Array.isArray(errors)) {
      const count = Math.min(errors.length, limits.children);
      tree.errors = [];
      for (let index = 0; index < count; index++) {
        tree.errors.push(
          visit(
            read(() => errors[index]),
            depth + 1,
          ),
        );
      }
    }
    const cause = read(() => (value as { cause?: unknown }).cause);
    if (cause !== undefined) tree.cause = visit(cause, depth + 1);
    seen.delete(value);
    return tree;
  };
  return visit(thrown, 0);
}

/** Wraps an error that cannot be read in the page with what is known about it. */
const unreadable = (what: string): Error =>
  new Error(`The sandbox sent an error the page could not read (${what}).`);

/**
 * Rebuilds the thrown value in the page from a tree the worker sent: an `AggregateError` with
 * its children for an aggregate, an `Error` with the worker's name, message, `retryable` and
 * `cause` otherwise, or the primitive that was thrown. The tree comes from untrusted code, so
 * it is checked as it is read and held to {@link THROWN_LIMITS}.
 */
export function reviveThrown(data: unknown, depth = 0): unknown {
  if (typeof data !== 'object' || data === null) return unreadable('not an object');
  const tree = data as Record<string, unknown>;
  if (tree.kind === 'value') {
    const value = tree.value;
    return typeof value === 'string' ? value.slice(0, THROWN_LIMITS.text) : value;
  }
  if (tree.kind !== 'error') return unreadable('unknown kind');
  if (depth > THROWN_LIMITS.depth) return unreadable('nested too deeply');
  const name = typeof tree.name === 'string' ? tree.name.slice(0, 200) : 'Error';
  const message = typeof tree.message === 'string' ? tree.message.slice(0, THROWN_LIMITS.text) : '';
  let error: Error;
  if (Array.isArray(tree.errors)) {
    const children = tree.errors
      .slice(0, THROWN_LIMITS.children)
      .map((child) => reviveThrown(child, depth + 1));
    error = new AggregateError(children, message);
  } else if (typeof tree.retryable === 'boolean') {
    // An error that states its verdict keeps it in `toDict()` (and so in the inspector's tree
    // and in exports) the way a library error does.
    error = new LionherdError(message, { retryable: tree.retryable });
  } else {
    error = new Error(message);
  }
  error.name = name;
  // The worker's stack points into a blob that no longer exists; the line is kept instead.
  error.stack = `${name}: ${message}`;
  if (typeof tree.retryable === 'boolean' && !(error instanceof LionherdError)) {
    Object.defineProperty(error, 'retryable', { value: tree.retryable, enumerable: true });
  }
  if (tree.cause !== undefined) error.cause = reviveThrown(tree.cause, depth + 1);
  return error;
}

/** The line of the learner's code a tree was thrown from: its own, or its first child's. */
export function lineOfThrown(data: unknown): number | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const tree = data as { line?: unknown; errors?: unknown };
  if (typeof tree.line === 'number' && Number.isInteger(tree.line) && tree.line >= 1) {
    return tree.line;
  }
  return undefined;
}

/**
 * How deep a file's data may nest. Validation walks data recursively, and a structure nested
 * thousands deep would end it with the engine's bare "Maximum call stack size exceeded";
 * this walk is iterative, so it can say where the nesting is instead. The dashboard's own
 * records stay far below the limit: an error tree is cut at 100 levels, about 200 of JSON.
 */
export const MAX_NESTING_DEPTH = 500;

/**
 * The path of the first array or object nested more than `maxDepth` levels inside `value`
 * (`value` itself is level 1), or `null` when there is none. Iterative: any depth is safe.
 *
 * ```ts
 * findTooDeep({ a: [[1]] }, 2); // ['a', 0]
 * ```
 */
export function findTooDeep(
  value: unknown,
  maxDepth = MAX_NESTING_DEPTH,
): (string | number)[] | null {
  if (typeof value !== 'object' || value === null) return null;
  interface Frame {
    value: object;
    depth: number;
    key: string | number;
    parent: Frame | null;
  }
  const stack: Frame[] = [{ value, depth: 1, key: '', parent: null }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.depth > maxDepth) return pathOf(frame);
    if (Array.isArray(frame.value)) {
      const items: unknown[] = frame.value;
      for (let index = 0; index < items.length; index += 1) {
        const child = items[index];
        if (typeof child === 'object' && child !== null) {
          stack.push({ value: child, depth: frame.depth + 1, key: index, parent: frame });
        }
      }
    } else {
      for (const key of Object.keys(frame.value)) {
        const child = (frame.value as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) {
          stack.push({ value: child, depth: frame.depth + 1, key, parent: frame });
        }
      }
    }
  }
  return null;

  function pathOf(frame: Frame): (string | number)[] {
    const path: (string | number)[] = [];
    for (let at = frame; at.parent !== null; at = at.parent) path.push(at.key);
    return path.reverse();
  }
}

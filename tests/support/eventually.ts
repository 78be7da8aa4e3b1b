import { vi } from 'vitest';

/**
 * `vi.waitFor` with room for a busy machine: the check is retried every 20 ms for up to 10 s
 * (the default gives up after 1 s, which a loaded CI runner can take between two writes).
 */
export function eventually<T>(check: () => T | Promise<T>): Promise<T> {
  return vi.waitFor(check, { timeout: 10_000, interval: 20 });
}

import { bundleForNode } from '../../scripts/bundleForNode.js';

/**
 * Bundles a TypeScript script for plain Node (20 cannot strip types), packages left external,
 * and returns the path of the bundle: child processes of a test run it with `node`.
 */
export function bundleScript(entry: string): Promise<string> {
  return bundleForNode(entry, 'queue-scripts');
}

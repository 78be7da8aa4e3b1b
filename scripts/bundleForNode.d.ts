/** Bundles a TypeScript script for plain Node 20; resolves to the bundle's path. */
export function bundleForNode(entry: string, folder: string): Promise<string>;

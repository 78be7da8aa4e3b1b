import type { BridgeSourceInfo } from './protocol';

/** What a process can say about where it runs, from the globals it has. */
export function detectRuntime(): Pick<BridgeSourceInfo, 'host' | 'pid' | 'runtime'> {
  const scope = globalThis as {
    process?: {
      pid?: unknown;
      versions?: { node?: unknown };
      getBuiltinModule?: (id: string) => unknown;
    };
    location?: { host?: unknown };
  };
  const node = scope.process;
  if (typeof node?.versions?.node === 'string') {
    return {
      runtime: 'node',
      pid: typeof node.pid === 'number' ? node.pid : null,
      host: nodeHostname(node.getBuiltinModule),
    };
  }
  if (typeof scope.location?.host === 'string') {
    return { runtime: 'browser', pid: null, host: scope.location.host };
  }
  return { runtime: 'other', pid: null, host: null };
}

/** `os.hostname()` through `process.getBuiltinModule`, so bundlers see no Node import. */
function nodeHostname(getBuiltinModule: ((id: string) => unknown) | undefined): string | null {
  try {
    const os = getBuiltinModule?.('node:os') as { hostname?: () => string } | undefined;
    return os?.hostname?.() ?? null;
  } catch {
    return null;
  }
}

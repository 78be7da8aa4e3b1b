import type { BridgeSourceInfo } from './protocol.ts';

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

/** The page's own origin (`http://localhost:3000`) in a browser; `null` where there is none. */
export function pageOrigin(): string | null {
  const origin = (globalThis as { location?: { origin?: unknown } }).location?.origin;
  // Pages from file: or sandboxed frames have the opaque origin, spelled "null".
  return typeof origin === 'string' && origin !== 'null' ? origin : null;
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

/**
 * The source's key, the same across restarts: `<name>@<host>` (plus `#<instance>`) where the
 * host names a machine; in a browser tab a random key kept in `sessionStorage`, so a reload
 * continues the tab's source and a second tab is a source of its own.
 */
export function sourceKey(
  name: string,
  where: Pick<BridgeSourceInfo, 'host' | 'runtime'>,
  instance: string | undefined,
  newKey: () => string,
): string {
  const suffix = instance === undefined || instance === '' ? '' : `#${instance}`;
  if (where.runtime === 'browser') return tabKey(name, suffix, newKey);
  return `${name}@${where.host ?? where.runtime}${suffix}`;
}

function tabKey(name: string, suffix: string, newKey: () => string): string {
  const slot = `lifecycle-lab:bridge-key:${name}${suffix}`;
  const storage = (
    globalThis as {
      sessionStorage?: {
        getItem(key: string): string | null;
        setItem(key: string, value: string): void;
      };
    }
  ).sessionStorage;
  try {
    const kept = storage?.getItem(slot);
    if (kept !== null && kept !== undefined) return kept;
    const made = `${name}@tab-${newKey()}${suffix}`;
    storage?.setItem(slot, made);
    return made;
  } catch {
    // Storage disabled: this page load is a source of its own.
    return `${name}@tab-${newKey()}${suffix}`;
  }
}

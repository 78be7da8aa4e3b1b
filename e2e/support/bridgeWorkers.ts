import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { build } from 'vite';

/** The receiver token of the end-to-end run (the preview server gets it from the config). */
export const E2E_RECEIVER_TOKEN = 'e2e-receiver-token';

const OUT = resolve('node_modules/.tmp/e2e-bridge-worker');

/** Bundles `bridgeWorker.ts` for plain Node once per run (Node 20 cannot run TypeScript). */
export async function buildBridgeWorker(): Promise<string> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: resolve('e2e/support/bridgeWorker.ts'),
      outDir: OUT,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'worker.mjs' } },
    },
  });
  return resolve(OUT, 'worker.mjs');
}

/** A running worker process and the ids of the events it started, by scenario. */
export interface Worker {
  process: ChildProcess;
  ids: Map<string, string>;
  /** Resolves once the worker printed the id of every scenario. */
  started: Promise<void>;
}

export function startWorker(
  bundle: string,
  url: string,
  name: string,
  scenarios: string[],
): Worker {
  const child = spawn(process.execPath, [bundle, url, name, scenarios.join(',')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ids = new Map<string, string>();
  const started = new Promise<void>((done) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      for (const [, scenario = '', id = ''] of text.matchAll(/^ran (\S+) (\S+)$/gm)) {
        ids.set(scenario, id);
      }
      if (ids.size >= scenarios.length) done();
    });
  });
  return { process: child, ids, started };
}

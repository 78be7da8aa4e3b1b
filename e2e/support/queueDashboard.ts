import { spawn, type ChildProcess } from 'node:child_process';
import { bundleForNode } from '../../scripts/bundleForNode.js';

/** A process of the queue story, and a promise of the first stdout line matching `ready`. */
export interface StoryProcess {
  child: ChildProcess;
  ready: Promise<RegExpMatchArray>;
}

/**
 * Bundles a TypeScript entry for plain Node and runs it, resolving `ready` with the first
 * stdout line that matches `ready` (Node 20 cannot run TypeScript itself).
 */
export async function runScript(
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<StoryProcess> {
  const bundle = await bundleForNode(entry, 'e2e-queue');
  const child = spawn(process.execPath, [bundle, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const found = new Promise<RegExpMatchArray>((resolve, reject) => {
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      buffered += text;
      const match = ready.exec(buffered);
      if (match !== null) resolve(match);
    });
    child.once('exit', (code) => {
      reject(new Error(`${entry} exited with ${String(code)} before it was ready`));
    });
  });
  return { child, ready: found };
}

/**
 * `npx lifecycle-lab` as a project runs it, serving the built dashboard (`dist/`, which the
 * Playwright web server builds) and watching `queue` on the Redis at `redisUrl`, on a free
 * port. Resolves with the printed dashboard URL, token included.
 */
export async function startQueueDashboard(
  redisUrl: string,
  queue: string,
): Promise<{ child: ChildProcess; url: string }> {
  const { child, ready } = await runScript(
    'server/cli.ts',
    ['--port', '0', '--dashboard', 'dist', '--redis', redisUrl, '--queue', queue],
    {},
    /Lifecycle Lab: (http:\/\/\S+)/,
  );
  const [, url = ''] = await ready;
  return { child, url };
}

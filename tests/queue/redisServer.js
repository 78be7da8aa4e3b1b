// A redis-server of the system's for the tests, benchmarks and e2e runs; plain JavaScript so
// that the package test (`node --test`, no transform) starts Redis the same way.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { setTimeout } from 'node:timers';
import { Redis } from 'ioredis';

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/**
 * Starts `redis-server --save '' --appendonly no --dir <tmp> --port <free>` and resolves when
 * it answers PING. Nothing is written to disk unless `restart` asks for it.
 *
 * @param {{ password?: string }} [options]
 * @returns {Promise<import('./redisServer.d.ts').TestRedis>}
 */
export async function startRedis(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'lifecycle-lab-redis-'));
  const port = await freePort();
  const password = options.password;
  const launchIt = () => launch(dir, port, password);
  let child = await launchIt();
  const url = `redis://${password === undefined ? '' : `:${password}@`}127.0.0.1:${String(port)}`;
  return {
    port,
    url,
    async restart(downtimeMs = 500) {
      const client = new Redis(port, '127.0.0.1', {
        maxRetriesPerRequest: 0,
        lazyConnect: true,
        ...(password === undefined ? {} : { password }),
      });
      await client.connect();
      // SHUTDOWN SAVE writes dump.rdb and exits in one step, so nothing written in between is lost.
      await client.call('SHUTDOWN', 'SAVE').catch(() => undefined);
      client.disconnect();
      await exited(child);
      await new Promise((resolve) => setTimeout(resolve, downtimeMs));
      child = await launchIt();
    },
    async stop() {
      child.kill('SIGKILL');
      await exited(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * @param {string} dir
 * @param {number} port
 * @param {string | undefined} password
 * @returns {Promise<import('node:child_process').ChildProcess>}
 */
async function launch(dir, port, password) {
  const child = spawn(
    REDIS_SERVER,
    [
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      ...(password === undefined ? [] : ['--requirepass', password]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => (output += chunk.toString()));
  /** @type {Promise<never>} */
  const failed = new Promise((_resolve, reject) => {
    child.once('error', (error) =>
      reject(
        new Error(
          `could not start ${REDIS_SERVER} (apt-get install redis-server): ${error.message}`,
        ),
      ),
    );
    child.once('exit', (code) =>
      reject(
        new Error(
          `${REDIS_SERVER} exited with ${String(code)} on port ${String(port)}:\n${output}`,
        ),
      ),
    );
  });
  await Promise.race([failed, answersPing(port, password)]);
  failed.catch(() => undefined);
  return child;
}

/**
 * @param {number} port
 * @param {string | undefined} password
 */
async function answersPing(port, password) {
  for (let tries = 0; tries < 200; tries += 1) {
    const client = new Redis(port, '127.0.0.1', {
      ...(password === undefined ? {} : { password }),
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.ping();
      return;
    } catch {
      // not up yet
    } finally {
      client.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${String(port)} within 10 s`);
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<void>}
 */
function exited(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

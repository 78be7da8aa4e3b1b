import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

/** A `redis-server` of the system's, on a free port of 127.0.0.1, with its files in a temp dir. */
export interface TestRedis {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Saves the data, stops the server and starts it again on the same port with that data. */
  restart: (downtimeMs?: number) => Promise<void>;
  stop: () => Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

/**
 * Starts `redis-server --save '' --appendonly no --dir <tmp> --port <free>` and resolves when
 * it answers PING. Nothing is written to disk unless `restart` asks for it.
 */
export async function startRedis(options: { password?: string } = {}): Promise<TestRedis> {
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

async function launch(dir: string, port: number, password?: string): Promise<ChildProcess> {
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
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failed = new Promise<never>((_resolve, reject) => {
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

async function answersPing(port: number, password?: string): Promise<void> {
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

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function freePort(): Promise<number> {
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

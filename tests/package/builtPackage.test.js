/* global fetch, URL -- Node 20 has both built in */
// The event core as a package: imports the BUILT dist-lib/ by its package name from plain
// Node (no Vite, no Vitest transform) and type-checks a consumer against its declarations
// with Node's own module resolution. Run by `npm run test:package`, which builds it first.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:http';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { startRedis } from '../queue/redisServer.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PACKAGE_DIR = join(ROOT, 'dist-lib');

/** A throwaway project with lifecycle-lab-core in its node_modules, as an install would put it. */
let consumerDir = '';
/** The consumer's view of the package: { core, demo, tanstack, bridge, bullmq, panel }. */
let pkg;

before(async () => {
  assert.ok(
    existsSync(join(PACKAGE_DIR, 'package.json')),
    'dist-lib/package.json is missing: run `npm run build:lib` first (npm run test:package does)',
  );
  consumerDir = mkdtempSync(join(tmpdir(), 'lifecycle-lab-consumer-'));
  mkdirSync(join(consumerDir, 'node_modules'));
  symlinkSync(PACKAGE_DIR, join(consumerDir, 'node_modules/lifecycle-lab-core'), 'dir');
  // The optional peer dependencies of ./bullmq and ./panel, installed beside it as a consumer
  // would.
  mkdirSync(join(consumerDir, 'node_modules/@types'));
  for (const peer of ['bullmq', 'react', 'react-dom', '@types/react']) {
    symlinkSync(join(ROOT, 'node_modules', peer), join(consumerDir, 'node_modules', peer), 'dir');
  }
  writeFileSync(join(consumerDir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(
    join(consumerDir, 'consumer.js'),
    [
      "export * as core from 'lifecycle-lab-core';",
      "export * as demo from 'lifecycle-lab-core/demo';",
      "export * as tanstack from 'lifecycle-lab-core/tanstack-query';",
      "export * as bridge from 'lifecycle-lab-core/bridge';",
      "export * as bullmq from 'lifecycle-lab-core/bullmq';",
      "export * as panel from 'lifecycle-lab-core/panel';",
      "export const importInternal = () => import('lifecycle-lab-core/event');",
    ].join('\n'),
  );
  pkg = await import(join(consumerDir, 'consumer.js'));
});

after(() => {
  if (consumerDir !== '') rmSync(consumerDir, { recursive: true, force: true });
});

describe('the built lifecycle-lab-core package, from plain Node', () => {
  it('runs an event to completion', async () => {
    const { createEvent, EventStatus } = pkg.core;
    const event = createEvent(async () => 42, { timeout: 1 });
    assert.equal(event.status, EventStatus.PENDING);
    assert.equal(await event.invoke(), 42);
    assert.equal(event.status, 'completed');
    const dict = event.toDict();
    assert.deepEqual(Object.keys(dict), ['id', 'created_at', 'metadata', 'execution']);
    assert.deepEqual(
      { ...dict.execution, duration: typeof dict.execution.duration },
      { status: 'completed', duration: 'number', response: 42, error: null, retryable: false },
    );
  });

  it('captures a failure with its retryable verdict', async () => {
    const { createEvent, ValidationError, Unset } = pkg.core;
    const event = createEvent(() => {
      throw new ValidationError('bad input');
    });
    assert.equal(await event.invoke(), undefined);
    assert.equal(event.status, 'failed');
    assert.equal(event.execution.retryable, false);
    assert.equal(event.execution.response, Unset);
    assert.deepEqual(event.execution.toDict().error, {
      error: 'ValidationError',
      message: 'bad input',
      retryable: false,
    });
  });

  it('times out a demo event from the ./demo entry, sharing the core’s classes', async () => {
    const { SlowEvent } = pkg.demo;
    const { Event, TimeoutError } = pkg.core;
    const event = new SlowEvent({ delay: 5, timeout: 0.02 });
    assert.ok(event instanceof Event);
    await event.invoke();
    assert.equal(event.status, 'cancelled');
    assert.ok(event.execution.error instanceof TimeoutError);
  });

  it('retries fresh with runWithRetry until the flaky event passes', async () => {
    const { runWithRetry } = pkg.core;
    const { FlakyEvent } = pkg.demo;
    const draws = [0, 0, 0.99];
    const random = () => draws.shift() ?? 0.99;
    const result = await runWithRetry(new FlakyEvent({ failureRate: 0.5, random }), {
      maxAttempts: 5,
      baseDelay: 0.001,
      random: () => 0,
    });
    assert.equal(result.outcome, 'completed');
    assert.equal(result.attempts.length, 3);
  });

  it('serves the TanStack Query helpers from ./tanstack-query', async () => {
    const { eventQueryFn, retryFromVerdict } = pkg.tanstack;
    const { SimpleEvent } = pkg.demo;
    const { ConnectionError, NotFoundError } = pkg.core;
    const queryFn = eventQueryFn(() => new SimpleEvent({ returnValue: 'hi' }));
    assert.equal(await queryFn({}), 'hi');
    const retry = retryFromVerdict(2);
    assert.equal(retry(0, new ConnectionError('reset')), true);
    assert.equal(retry(0, new NotFoundError('gone')), false);
  });

  it('streams events created after connecting from ./bridge, with the core’s own hook', async () => {
    const batches = [];
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url === '/api/bridge/events') batches.push(JSON.parse(body));
        if (req.url === '/api/bridge/control') {
          res.writeHead(200, { 'content-type': 'application/x-ndjson' });
          res.write('{"type":"hello"}\n');
          return;
        }
        res.end('{"accepted":1,"duplicates":0}');
      });
    });
    await new Promise((done) => server.listen(0, '127.0.0.1', done));
    const { port } = server.address();
    const bridge = pkg.bridge.connectToDashboard({
      url: `http://127.0.0.1:${port}/?token=t`,
      name: 'package-test',
    });
    try {
      const event = pkg.core.createEvent(async () => 'sent');
      await event.invoke();
      await bridge.flush();
      const updates = batches.flatMap((batch) => batch.updates);
      assert.deepEqual(
        updates.map((update) => [update.event.id, update.event.execution.status]),
        [[event.id, 'completed']],
      );
      assert.equal(batches[0].source.name, 'package-test');
    } finally {
      await bridge.close();
      server.closeAllConnections();
      server.close();
    }
  });

  it('serves the dashboard and the receiver with `lifecycle-lab`, without Vite', async () => {
    const cli = spawn(
      process.execPath,
      [
        join(consumerDir, 'node_modules/lifecycle-lab-core/cli.js'),
        '--port',
        '0',
        '--token',
        'cli',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const url = await new Promise((done, fail) => {
        cli.stdout.setEncoding('utf8');
        cli.stdout.on('data', (text) => {
          const found = /http:\/\/\S+\?token=cli/.exec(text);
          if (found) done(found[0]);
        });
        cli.on('exit', (code) => fail(new Error(`lifecycle-lab exited with ${code}`)));
      });
      const page = await fetch(url);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<div id="root">/);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      assert.equal(page.headers.get('x-frame-options'), 'DENY');
      const origin = new URL(url).origin;
      const refused = await fetch(`${origin}/api/bridge/sources`);
      assert.equal(refused.status, 401);
      const bridge = pkg.bridge.connectToDashboard({ url, name: 'from-cli-test', watch: 'none' });
      try {
        const event = pkg.core.createEvent(() => 1);
        bridge.watch(event);
        await event.invoke();
        await bridge.flush();
        const sources = await (
          await fetch(`${origin}/api/bridge/sources`, { headers: { authorization: 'Bearer cli' } })
        ).json();
        assert.deepEqual(
          sources.map((source) => source.name),
          ['from-cli-test'],
        );
      } finally {
        await bridge.close();
      }
      // Started again, the process is the same source, in its second run.
      const again = pkg.bridge.connectToDashboard({ url, name: 'from-cli-test', watch: 'none' });
      try {
        const event = pkg.core.createEvent(() => 2);
        again.watch(event);
        await event.invoke();
        await again.flush();
        const sources = await (
          await fetch(`${origin}/api/bridge/sources`, { headers: { authorization: 'Bearer cli' } })
        ).json();
        assert.deepEqual(
          sources.map((source) => [source.name, source.run]),
          [['from-cli-test', 2]],
        );
      } finally {
        await again.close();
      }
    } finally {
      cli.kill();
    }
  });

  it('runs an event as a BullMQ job from ./bullmq, on a real redis-server', async () => {
    const { Queue, QueueEvents, Worker } = await import('bullmq');
    const { createEventProcessor, createEventRegistry, enqueueEvent, recordedRuns } = pkg.bullmq;
    const { SimpleEvent } = pkg.demo;
    const redis = await startRedis();
    const connection = { host: '127.0.0.1', port: redis.port };
    const registry = createEventRegistry({ SimpleEvent });
    const queue = new Queue('package-test', { connection });
    const events = new QueueEvents('package-test', { connection });
    const worker = new Worker('package-test', createEventProcessor({ registry }), { connection });
    try {
      await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
      const event = new SimpleEvent({ returnValue: 'from a worker' });
      const job = await enqueueEvent(queue, event, { registry });
      const result = await job.waitUntilFinished(events, 10_000);
      assert.equal(result.response, 'from a worker');
      const done = await queue.getJob(job.id);
      const [run] = recordedRuns(done);
      assert.equal(run.event.id, event.id);
      assert.equal(run.event.execution.status, 'completed');
      assert.equal(run.event.execution.response, 'from a worker');
    } finally {
      await worker.close();
      await events.close();
      await queue.close();
      await redis.stop();
    }
  });

  it('renders the in-app panel from ./panel with the consumer’s React', async () => {
    const { createElement } = await import('react');
    const { renderToString } = await import('react-dom/server');
    const { LifecyclePanel, DEFAULT_MAX_EVENTS } = pkg.panel;
    assert.equal(DEFAULT_MAX_EVENTS, 200);
    // On a server only the host renders; the panel itself lives in a shadow root.
    assert.equal(
      renderToString(createElement(LifecyclePanel, { initialIsOpen: true, maxEvents: 5 })),
      '<div data-lifecycle-panel=""></div>',
    );
  });

  it('leaves React out of every entry but ./panel', () => {
    const importsReact = (file, seen = new Set()) => {
      if (seen.has(file)) return false;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      if (/from\s*["']react(-dom)?(\/[^"']*)?["']/.test(code)) return true;
      return [...code.matchAll(/from\s*["'](\.\.?\/[^"']+)["']/g)].some(([, specifier]) =>
        importsReact(resolve(dirname(file), specifier), seen),
      );
    };
    for (const entry of ['index', 'demo', 'tanstack-query', 'bridge', 'bullmq']) {
      assert.equal(importsReact(join(PACKAGE_DIR, `${entry}.js`)), false, `${entry}.js`);
    }
    assert.equal(importsReact(join(PACKAGE_DIR, 'panel.js')), true);
  });

  it('keeps its internals private: only the exports map is importable', async () => {
    await assert.rejects(pkg.importInternal(), { code: 'ERR_PACKAGE_PATH_NOT_EXPORTED' });
  });

  it('type-checks a TypeScript consumer with Node’s own module resolution', () => {
    writeConsumerTsconfig('tsconfig.json', 'consumer.ts', {});
    writeFileSync(
      join(consumerDir, 'consumer.ts'),
      [
        "import { createEvent, isRetryable, type EventDict } from 'lifecycle-lab-core';",
        "import { HttpEvent, SlowEvent } from 'lifecycle-lab-core/demo';",
        "import { eventQueryFn, retryFromVerdict } from 'lifecycle-lab-core/tanstack-query';",
        "import { connectToDashboard, type Bridge } from 'lifecycle-lab-core/bridge';",
        'const event = createEvent(async () => 42);',
        'export const answer: Promise<number | undefined> = event.invoke();',
        'export const dict: EventDict = event.toDict();',
        'export const slow = new SlowEvent({ delay: 1, timeout: 0.5 });',
        "export const http = new HttpEvent({ url: 'http://localhost/api', timeout: 2 });",
        'export const queryFn = eventQueryFn(() => slow);',
        'export const retry: (n: number, e: unknown) => boolean = retryFromVerdict(3);',
        'export const judged: boolean = isRetryable(new Error());',
        "export const connect = (): Bridge => connectToDashboard({ url: 'http://127.0.0.1:1/', token: 't', name: 'x' });",
        '// @ts-expect-error the response is a number, not a string',
        'export const wrong: Promise<string | undefined> = event.invoke();',
      ].join('\n'),
    );
    typeCheck('tsconfig.json');
  });

  it('type-checks a React consumer of ./panel, sharing the core’s Event type', () => {
    writeConsumerTsconfig('tsconfig.panel.json', 'panel.tsx', { jsx: 'react-jsx' });
    writeFileSync(
      join(consumerDir, 'panel.tsx'),
      [
        "import { FunctionEvent, type Event } from 'lifecycle-lab-core';",
        "import { LifecyclePanel, type LifecyclePanelProps } from 'lifecycle-lab-core/panel';",
        'const onlyFunctions = (event: Event): boolean => event instanceof FunctionEvent;',
        'export const panel = <LifecyclePanel initialIsOpen position="top-left" maxEvents={50} filter={onlyFunctions} />;',
        "export const props: LifecyclePanelProps = { position: 'bottom-left' };",
        '// @ts-expect-error the panel sits in a corner of the viewport',
        'export const wrong = <LifecyclePanel position="middle" />;',
      ].join('\n'),
    );
    typeCheck('tsconfig.panel.json');
  });

  it('type-checks a Node consumer of ./bullmq (BullMQ’s own types need Node’s)', () => {
    writeFileSync(
      join(consumerDir, 'tsconfig.bullmq.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'ES2022',
          lib: ['ES2022'],
          typeRoots: [join(ROOT, 'node_modules/@types')],
          types: ['node'],
          strict: true,
          noEmit: true,
        },
        files: ['worker.ts'],
      }),
    );
    writeFileSync(
      join(consumerDir, 'worker.ts'),
      [
        "import { Worker } from 'bullmq';",
        "import { SlowEvent } from 'lifecycle-lab-core/demo';",
        "import { createEventProcessor, createEventRegistry, type EventJobData } from 'lifecycle-lab-core/bullmq';",
        'const registry = createEventRegistry({ SlowEvent });',
        "export const worker = new Worker<EventJobData>('q', createEventProcessor({ registry }), { connection: {} });",
        '// @ts-expect-error a registry maps names to classes',
        "createEventRegistry({ SlowEvent: 'not a class' });",
      ].join('\n'),
    );
    typeCheck('tsconfig.bullmq.json');
  });
});

/** A strict, DOM-typed tsconfig for `file` of the consumer, resolving as Node does. */
function writeConsumerTsconfig(name, file, extraOptions) {
  writeFileSync(
    join(consumerDir, name),
    JSON.stringify({
      compilerOptions: {
        module: 'nodenext',
        moduleResolution: 'nodenext',
        target: 'ES2022',
        lib: ['ES2022', 'DOM'],
        types: [],
        strict: true,
        noEmit: true,
        ...extraOptions,
      },
      files: [file],
    }),
  );
}

function typeCheck(config) {
  const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(consumerDir, config)], {
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    assert.fail(`the consumer does not type-check:\n${error.stdout}${error.stderr}`);
  }
}

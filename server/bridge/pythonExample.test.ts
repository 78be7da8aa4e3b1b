import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestReceiver, type TestReceiver } from './testServer.ts';

const run = promisify(execFile);
const path = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));
const SINK = path('../../docs/python/lifecycle_lab_sink.py');
const FIXTURES = path('../../tests/fixtures/lionherd-real/');

/**
 * Watches an event with lionherd-core's interface (invoke, execution.status, to_dict), so the
 * tests need no Python packages, through the sink at argv[1]; prints what `watch` returned.
 */
const WATCHED_EVENT_SCRIPT = `
import asyncio, sys
sys.path.insert(0, ${JSON.stringify(path('../../docs/python/'))})
from lifecycle_lab_sink import LifecycleLabSink

class Execution:
    status = "pending"

class SlowEvent:
    def __init__(self):
        self.execution = Execution()
    async def invoke(self):
        self.execution.status = "processing"
        await asyncio.sleep(0.1)
        self.execution.status = "completed"
        return 42
    def to_dict(self, mode="json"):
        done = self.execution.status == "completed"
        return {"id": "0b6f3c1e-0000-4000-8000-000000000001", "created_at": "2026-11-30T19:02:52.695607+00:00",
                "metadata": {"lion_class": "service.SlowEvent"},
                "execution": {"status": self.execution.status, "duration": 0.1 if done else None,
                              "response": 42 if done else None, "error": None, "retryable": False if done else None}}

print(asyncio.run(LifecycleLabSink(sys.argv[1], source="service").watch(SlowEvent())))
`;

let running: TestReceiver | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

// Each story starts python3, which takes seconds on a busy 2-core machine.
describe('the Python example (docs/python/lifecycle_lab_sink.py)', { timeout: 30_000 }, () => {
  it('replays real lionherd records, one post per snapshot, merged per event', async () => {
    running = await startTestReceiver();
    const { stdout } = await run('python3', [
      SINK,
      running.url,
      '--source',
      'replay',
      '--replay',
      `${FIXTURES}records-same-event-twice.json`,
    ]);
    expect(stdout).toContain('posted 2 snapshots');
    const events = running.receiver.events();
    expect(events).toHaveLength(1);
    expect(events[0]?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
    expect(running.receiver.sources()[0]).toMatchObject({ name: 'replay', runtime: 'python' });
  });

  it('replays every real lionherd scenario', async () => {
    running = await startTestReceiver();
    await run('python3', [SINK, running.url, '--replay', `${FIXTURES}scenarios.json`]);
    expect(running.receiver.events()).toHaveLength(20);
  });

  it('replays a long log in order, waiting when the receiver says it is busy', async () => {
    // One request a second (two at once): a post per record would be refused within a second.
    running = await startTestReceiver({ requestsPerSecond: 1 });
    const scenarios = JSON.parse(await readFile(`${FIXTURES}scenarios.json`, 'utf8')) as {
      id: string;
    }[];
    const records = Array.from({ length: 1_200 }, (_, index) => ({
      ...scenarios[index % scenarios.length],
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    }));
    const folder = await mkdtemp(join(tmpdir(), 'lifecycle-lab-replay-'));
    try {
      const file = join(folder, 'records.jsonl');
      await writeFile(file, records.map((record) => JSON.stringify(record)).join('\n'));
      const { stdout } = await run('python3', [SINK, running.url, '--replay', file]);
      expect(stdout).toContain('posted 1200 snapshots');
      expect(running.receiver.events()).toHaveLength(1_200);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says in one line that a URL without a token cannot be used', async () => {
    running = await startTestReceiver();
    const failure = await run('python3', [
      SINK,
      running.origin,
      '--replay',
      `${FIXTURES}scenarios.json`,
    ]).catch((error: unknown) => error as { stderr: string; code: number });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr.trim()).toBe(
      'cannot replay: no token: pass token= or use the URL with ?token=… the receiver printed',
    );
  });

  it('posts each status of an event it watches while the event runs', async () => {
    running = await startTestReceiver();
    const { stdout } = await run('python3', ['-c', WATCHED_EVENT_SCRIPT, running.url]);
    expect(stdout.trim()).toBe('42');
    const [event] = running.receiver.events();
    expect(event?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
    expect(event?.seq).toBe(3);
  });

  it('lets the watched work run and return when the dashboard cannot be reached', async () => {
    running = await startTestReceiver();
    const gone = running.url;
    await running.close();
    running = undefined;
    const { stdout, stderr } = await run('python3', ['-c', WATCHED_EVENT_SCRIPT, gone]);
    expect(stdout.trim()).toBe('42');
    expect(stderr).toContain('Lifecycle Lab: the receiver at');
    expect(stderr).toContain('cannot be reached');
  });

  it('says why when the receiver refuses the token', async () => {
    running = await startTestReceiver();
    const wrongUrl = running.url.replace(/token=.*/, 'token=guess');
    const failure = await run('python3', [
      SINK,
      wrongUrl,
      '--replay',
      `${FIXTURES}scenarios.json`,
    ]).catch((error: unknown) => error as { stderr: string; code: number });
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toContain('401');
  });

  it.each([
    [
      'nested 100,000 levels deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      " is nested too deeply for Python's JSON reader",
    ],
    [
      'with a broken line',
      '{"id": "a"}\n{"id": oops}\n',
      ' line 2 is not JSON: Expecting value at column 8',
    ],
    ['of numbers, not records', '[1, 2]', ': record 0 is int, not a lionherd record (an object)'],
  ])('says where a replay file %s cannot be read, and posts nothing', async (_name, text, why) => {
    running = await startTestReceiver();
    const folder = await mkdtemp(join(tmpdir(), 'lifecycle-lab-replay-'));
    try {
      const file = join(folder, 'records.json');
      await writeFile(file, text);
      const failure = await run('python3', [SINK, running.url, '--replay', file]).catch(
        (error: unknown) => error as { stderr: string; code: number },
      );
      expect(failure).toMatchObject({ code: 2 });
      expect((failure as { stderr: string }).stderr.trim()).toBe(`cannot replay: ${file}${why}`);
      expect(running.receiver.events()).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

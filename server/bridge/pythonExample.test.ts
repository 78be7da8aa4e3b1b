import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
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

  it('posts each status of an event it watches while the event runs', async () => {
    running = await startTestReceiver();
    // An event with lionherd-core's interface (invoke, execution.status, to_dict), so the
    // test needs no Python packages.
    const script = `
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
    const { stdout } = await run('python3', ['-c', script, running.url]);
    expect(stdout.trim()).toBe('42');
    const [event] = running.receiver.events();
    expect(event?.transitions.map((step) => step.status)).toEqual([
      'pending',
      'processing',
      'completed',
    ]);
    expect(event?.seq).toBe(3);
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

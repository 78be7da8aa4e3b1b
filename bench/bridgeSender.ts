/**
 * One sender of `npm run bench:bridge`: a Node process that connects to the dashboard at
 * argv[2] as argv[3] and, for argv[5] seconds, creates and runs argv[4] events a second
 * through the bridge, spread evenly (every 10 ms). Each event's terminal transition carries
 * the sender's timestamp (epoch ms, this machine's clock). Prints one JSON line at the end:
 * `{"made":…,"sent":…,"dropped":…,"rejected":…}`, after everything left the buffer.
 *
 *   node bridgeSender.mjs 'http://127.0.0.1:4381/?token=…' sender-1 2500 10
 */
import { connectToDashboard } from '../src/lib/bridge/index.ts';
import { Event } from '../src/lib/event.ts';

/** A small piece of work that completes at once, like a cache read or a validation. */
class BenchTask extends Event<number> {
  constructor(readonly index: number) {
    super();
  }

  protected _invoke(): number {
    return this.index * 2;
  }
}

const [url = '', name = 'sender', perSecondArg = '2500', secondsArg = '10'] = process.argv.slice(2);
const perSecond = Number(perSecondArg);
const durationMs = Number(secondsArg) * 1000;
const problems: string[] = [];
/** How long each batch took to post, ms: the round trip that paces the bridge. */
const postTimes: number[] = [];
/** When each event was made (`performance.now()`), by its index. */
const madeAt: number[] = [];
/**
 * How long the oldest update of each batch waited in the bridge's buffer before its post
 * began, ms (the first update of a batch is the event made longest ago: the buffer is FIFO).
 */
const waitTimes: number[] = [];
const timedFetch: typeof fetch = async (input, init) => {
  const start = performance.now();
  if (typeof init?.body === 'string') {
    const at = init.body.indexOf('"index":');
    const index = at < 0 ? Number.NaN : Number.parseInt(init.body.slice(at + 8, at + 20), 10);
    const made = madeAt[index];
    if (made !== undefined) waitTimes.push(start - made);
  }
  try {
    return await fetch(input, init);
  } finally {
    const url = input instanceof Request ? input.url : input.toString();
    if (url.endsWith('/events')) postTimes.push(performance.now() - start);
  }
};
const bridge = connectToDashboard({
  url,
  name,
  fetch: timedFetch,
  onError: (problem) => problems.push(`${problem.kind}: ${problem.message}`),
});

/** Waits until the control channel is open, so the run measures streaming, not connecting. */
async function connected(): Promise<void> {
  while (!bridge.stats().connected) await new Promise((done) => setTimeout(done, 20));
}

async function run(): Promise<void> {
  await connected();
  const startedAt = performance.now();
  let made = 0;
  await new Promise<void>((done) => {
    const tick = (): void => {
      const elapsed = Math.min(performance.now() - startedAt, durationMs);
      const due = Math.floor((elapsed / 1000) * perSecond);
      for (; made < due; made += 1) {
        madeAt.push(performance.now());
        void new BenchTask(made).invoke();
      }
      if (elapsed >= durationMs) done();
      else setTimeout(tick, 10);
    };
    tick();
  });
  while (bridge.stats().buffered > 0) {
    await bridge.flush();
    await new Promise((done) => setTimeout(done, 10));
  }
  await bridge.flush(); // the batch still in flight
  const stats = bridge.stats();
  console.log(
    JSON.stringify({
      made,
      sent: stats.sent,
      dropped: stats.dropped,
      rejected: stats.rejected,
      posts: postTimes.length,
      postMs: {
        median: Math.round(postTimes.sort((a, b) => a - b)[postTimes.length >> 1] ?? 0),
        max: Math.round(postTimes.at(-1) ?? 0),
      },
      waitMs: {
        median: Math.round(waitTimes.sort((a, b) => a - b)[waitTimes.length >> 1] ?? 0),
        max: Math.round(waitTimes.at(-1) ?? 0),
      },
      problems: problems.slice(0, 5),
      // CPU the process used (making, snapshotting, sending): less noisy than wall time.
      cpuMs: Math.round((process.cpuUsage().user + process.cpuUsage().system) / 1000),
    }),
  );
  await bridge.close();
}

void run();

import type { ChildProcess } from 'node:child_process';
import { Queue } from 'bullmq';
import { enqueueEvent, type EventJobData } from '../src/lib/bullmq/index.ts';
import type { Event } from '../src/lib/event.ts';
import { startRedis, type TestRedis } from '../tests/queue/redisServer.js';
import { Dashboard, expect, test } from './support/dashboard.ts';
import { startQueueDashboard, runScript } from './support/queueDashboard.ts';
import {
  ChargeCard,
  NotifyBuyer,
  queueRegistry,
  RefundOrder,
  ShipOrder,
  SlowReport,
  SplitParcel,
  SyncStock,
} from './support/queueJobs.ts';

// A real redis-server, two worker processes and `npx lifecycle-lab --redis … --queue …`, each
// started here: the shared preview server cannot be told which Redis to watch.
const QUEUE = 'e2e-orders';
let redis: TestRedis;
let queue: Queue<EventJobData>;
let dashboardUrl = '';
const children: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  redis = await startRedis();
  queue = new Queue(QUEUE, { connection: { host: '127.0.0.1', port: redis.port } });
  queue.on('error', () => undefined);
  const server = await startQueueDashboard(redis.url, QUEUE);
  children.push(server.child);
  dashboardUrl = server.url;
  const env = { REDIS_PORT: String(redis.port), QUEUE };
  const workers = await Promise.all(
    [1, 2].map(() => runScript('e2e/support/queueWorker.ts', [], env, /^ready$/m)),
  );
  children.push(...workers.map((worker) => worker.child));
  await Promise.all(workers.map((worker) => worker.ready));
});

test.afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await queue.close();
  await redis.stop();
});

function enqueue(event: Event, attempts: number): Promise<unknown> {
  return enqueueEvent(queue, event, {
    registry: queueRegistry,
    jobOptions: { attempts, backoff: { type: 'fixed', delay: 50 } },
  });
}

test('BullMQ jobs show their lifecycle, attempt chains and error trees, are retried fresh through BullMQ, and survive a Redis restart', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const dashboard = new Dashboard(page);
  await page.goto(dashboardUrl);
  const source = page
    .getByRole('list', { name: 'Sources' })
    .getByRole('listitem', { name: `queue ${QUEUE}` });
  await expect(source).toContainText('(queue, Redis connected)');

  await Promise.all([
    enqueue(new ChargeCard({ plan: ['ok'] }), 3),
    enqueue(new ShipOrder({ plan: ['fatal'] }), 3),
    enqueue(new SyncStock({ plan: ['retryable', 'ok'] }), 3),
    enqueue(new SlowReport({ plan: ['slow'], timeout: 0.3 }), 1),
    enqueue(new SplitParcel({ plan: ['aggregate'] }), 3),
    enqueue(new RefundOrder({ plan: ['retryable', 'retryable', 'ok'] }), 2),
    enqueue(new NotifyBuyer({ plan: ['retryable', 'ok'] }), 1),
    enqueue(new NotifyBuyer({ plan: ['retryable', 'ok'] }), 1),
  ]);
  const row = (kind: string) => dashboard.rows().filter({ hasText: kind });

  await test.step('each job ends as its runs decided, with BullMQ’s retries as attempts', async () => {
    await expect(row('ChargeCard')).toContainText('completed');
    await expect(row('ChargeCard')).toContainText('attempt 1');
    await expect(row('SyncStock')).toContainText('completed');
    await expect(row('SyncStock')).toContainText('attempt 2 of 2');
    await expect(row('ShipOrder')).toContainText('failed');
    await expect(row('ShipOrder')).toContainText('attempt 1');
    await expect(row('SlowReport')).toContainText('cancelled');
    await expect(row('SplitParcel')).toContainText('failed');
    await expect(row('RefundOrder')).toContainText('failed');
    await expect(row('RefundOrder')).toContainText('attempt 2 of 2');
    await expect(row('NotifyBuyer')).toHaveCount(2);
    await expect(row('NotifyBuyer').filter({ hasText: 'failed' })).toHaveCount(2);
  });

  await test.step('the inspector shows chains, error trees and verdicts', async () => {
    await row('SyncStock').click();
    await expect(dashboard.attemptChain).toContainText('Attempt 1 failed');
    await expect(dashboard.attemptChain).toContainText('Attempt 2 completed (this one)');

    await row('ShipOrder').click();
    await expect(dashboard.eventStatus).toHaveText('failed');
    await expect(
      dashboard.errorTree.getByRole('treeitem', { name: /^ValidationError: bad input/ }),
    ).toBeVisible();
    await expect(dashboard.inspector).toContainText(
      "Verdict: not retryable — ValidationError 'bad input' says it is not retryable",
    );

    await row('SplitParcel').click();
    const root = dashboard.errorTree.getByRole('treeitem', { name: /^AggregateError/ });
    await expect(root).toHaveAttribute('aria-expanded', 'true');
    const leaves = dashboard.errorTree.getByRole('treeitem', { level: 2 });
    await expect(leaves).toHaveCount(2);
    await expect(leaves.nth(0)).toHaveAccessibleName(/ConnectionError: shard 1 down/);
    await expect(leaves.nth(1)).toHaveAccessibleName(/ValidationError: shard 2 rejected/);
    await expect(dashboard.inspector).toContainText('Verdict: not retryable');

    await row('SlowReport').click();
    await expect(dashboard.eventStatus).toHaveText('cancelled');
    await expect(
      dashboard.errorTree.getByRole('treeitem', { name: /^TimeoutError: Operation timed out/ }),
    ).toBeVisible();
  });

  await test.step('"Retry fresh" runs a further attempt through BullMQ', async () => {
    await row('RefundOrder').click();
    await dashboard.retryFresh();
    await expect(row('RefundOrder')).toContainText('attempt 3 of 3');
    await expect(row('RefundOrder')).toContainText('completed');
    await expect(dashboard.attemptChain).toContainText('Attempt 3 completed');
  });

  await test.step('"Retry all retryable failed" retries the selected jobs through BullMQ', async () => {
    const boxes = dashboard.eventList.getByRole('checkbox', { name: /^Select NotifyBuyer/ });
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await dashboard.bulkActions
      .getByRole('button', { name: 'Retry all retryable failed…' })
      .click();
    const preview = dashboard.bulkActions.getByRole('group', { name: 'Retry preview' });
    await expect(preview).toContainText('2 failed events will be retried fresh: 2 × NotifyBuyer.');
    await preview.getByRole('button', { name: 'Retry 2 events' }).click();
    await expect(dashboard.bulkActions.getByRole('status').last()).toHaveText(
      'Retried 2 events fresh.',
    );
    await expect(row('NotifyBuyer').filter({ hasText: 'attempt 2 of 2' })).toHaveCount(2);
    await expect(row('NotifyBuyer').filter({ hasText: 'completed' })).toHaveCount(2);
  });

  await test.step('Redis restarts: the source shows it unreachable, then catches up', async () => {
    const restarted = redis.restart(2_000);
    await expect(source).toContainText('(queue, Redis unreachable)');
    // Sent while Redis is down: it lands, and runs, as soon as Redis is back, maybe before
    // the dashboard listens again; reading every job on reconnecting finds it.
    const addedMeanwhile = enqueue(new ChargeCard({ plan: ['ok'] }), 1);
    await restarted;
    await addedMeanwhile;
    await expect(source).toContainText('(queue, Redis connected)');
    await expect(row('ChargeCard').filter({ hasText: 'completed' })).toHaveCount(2);
    // What was stored before the restart is all still there.
    await expect(row('NotifyBuyer').filter({ hasText: 'completed' })).toHaveCount(2);
  });
});

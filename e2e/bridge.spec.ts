import type { ChildProcess } from 'node:child_process';
import { buildBridgeWorker, E2E_RECEIVER_TOKEN, startWorker } from './support/bridgeWorkers.ts';
import { Dashboard, expect, test } from './support/dashboard.ts';

let bundle = '';
const running: ChildProcess[] = [];

test.beforeAll(async () => {
  bundle = await buildBridgeWorker();
});

test.afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

/** The receiver outlives a test: each test names its processes uniquely and looks only at them. */
const unique = (name: string): string => `${name}-${Date.now().toString(36)}`;

function start(baseURL: string | undefined, name: string, scenarios: string[]) {
  const worker = startWorker(
    bundle,
    `${baseURL ?? ''}/?token=${E2E_RECEIVER_TOKEN}`,
    name,
    scenarios,
  );
  running.push(worker.process);
  return worker;
}

test.describe('watching other processes', () => {
  test('two Node processes stream completed, aggregate-failed, timed-out and retried events live', async ({
    page,
    baseURL,
  }) => {
    const dashboard = new Dashboard(page);
    await page.goto(`/?token=${E2E_RECEIVER_TOKEN}`);
    const [alphaName, betaName] = [unique('alpha'), unique('beta')];
    const alpha = start(baseURL, alphaName, ['completed', 'aggregate']);
    const beta = start(baseURL, betaName, ['timeout']);
    await Promise.all([alpha.started, beta.started]);

    const sources = page.getByRole('list', { name: 'Sources' });
    await expect(sources.getByRole('listitem', { name: alphaName })).toContainText('(connected)');
    await expect(sources.getByRole('listitem', { name: betaName })).toContainText('(connected)');
    const ofAlpha = dashboard.rows().filter({ hasText: alphaName });

    await expect(ofAlpha.filter({ hasText: 'ChargeCard' })).toContainText('completed');
    await expect(
      dashboard.rows().filter({ hasText: betaName }).filter({ hasText: 'SlowReport' }),
    ).toContainText('cancelled');
    const shipping = ofAlpha.filter({ hasText: 'ShipOrder' });
    await expect(shipping).toContainText('failed');

    await shipping.click();
    await expect(dashboard.eventStatus).toContainText('failed');
    await expect(dashboard.errorTree).toContainText('address missing');
    await expect(dashboard.errorTree).toContainText('carrier down');

    await dashboard.retryFresh();
    const retry = dashboard
      .rows()
      .filter({ hasText: 'ShipOrder' })
      .filter({ hasText: 'attempt 2' });
    await expect(retry).toContainText('failed');
    await retry.click();
    await expect(dashboard.attemptChain).toContainText('Attempt 1 failed');
    await expect(dashboard.attemptChain).toContainText('Attempt 2 failed (this one)');

    await page.getByRole('combobox', { name: 'Source' }).selectOption(`remote:${betaName}`);
    await expect(dashboard.rows()).toHaveCount(1);
    await expect(dashboard.rows().first()).toContainText('SlowReport');
  });

  test('a process killed mid-event and restarted continues as the same source: nothing lost, its running events marked disconnected, then continued', async ({
    page,
    baseURL,
  }) => {
    const dashboard = new Dashboard(page);
    await page.goto(`/?token=${E2E_RECEIVER_TOKEN}`);
    const gammaName = unique('gamma');
    const gamma = start(baseURL, gammaName, ['completed', 'long', 'stuck']);
    await gamma.started;
    const ofGamma = dashboard.rows().filter({ hasText: gammaName });
    const report = ofGamma.filter({ hasText: 'SlowReport' });
    const nightly = ofGamma.filter({ hasText: 'NightlyExport' });
    await expect(report).toContainText('processing');
    await expect(nightly).toContainText('processing');
    await expect(ofGamma.filter({ hasText: 'ChargeCard' })).toContainText('completed');

    gamma.process.kill('SIGKILL');
    await expect(report).toContainText('source disconnected');
    await expect(report).toContainText('processing');
    await expect(nightly).toContainText('source disconnected');
    await expect(ofGamma.filter({ hasText: 'ChargeCard' })).toContainText('completed');
    const source = page.getByRole('list', { name: 'Sources' }).getByRole('listitem', {
      name: gammaName,
    });
    await expect(source).toContainText('(disconnected)');

    // The restarted process picks the report up again; the export it never resumes.
    const again = start(baseURL, gammaName, [`resume:${gamma.ids.get('long') ?? ''}`]);
    await again.started;
    await expect(source).toHaveCount(1);
    await expect(source).toContainText('(connected)');
    await expect(source).toContainText(/restarts\s*1/);
    await expect(nightly).toContainText('source restarted without finishing it');
    await expect(nightly).toContainText('processing');
    await expect(report).toContainText('completed');
    await expect(report).not.toContainText('source disconnected');
    await expect(ofGamma).toHaveCount(3);
  });

  test('the receiver refuses requests without the token and cross-site requests', async ({
    request,
  }) => {
    const missing = await request.post('/api/bridge/events', { data: {} });
    expect(missing.status()).toBe(401);
    const crossSite = await request.post('/api/bridge/events', {
      data: {},
      headers: { authorization: `Bearer ${E2E_RECEIVER_TOKEN}`, origin: 'http://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
    expect(await crossSite.text()).toContain('cross-site request refused');
  });
});

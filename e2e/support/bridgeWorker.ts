/**
 * A Node process that uses the bridge, for the end-to-end tests: connects to the dashboard at
 * argv[2] as argv[3] and runs the scenarios named in argv[4] (comma-separated), then stays
 * connected until it is killed. Prints `ran <scenario> <id>` as each event starts.
 * `resume:<id>` plays a restarted process that picks up the unfinished report `<id>` (as a
 * worker would from its job store) and reports it as that event.
 *
 *   node worker.mjs 'http://127.0.0.1:4250/?token=…' alpha completed,aggregate
 */
import { connectToDashboard } from '../../src/lib/bridge/index.ts';
import { ValidationError } from '../../src/lib/errors/validationError.ts';
import { Event, type InvokeContext } from '../../src/lib/event.ts';

class ChargeCard extends Event<string> {
  protected _invoke(): string {
    return 'charged';
  }
}

class ShipOrder extends Event {
  protected _invoke(): never {
    throw new AggregateError(
      [new ValidationError('address missing'), new Error('carrier down')],
      'shipping failed',
    );
  }
}

class SlowReport extends Event {
  delayMs = 60_000;

  protected _invoke({ signal }: InvokeContext): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, this.delayMs, 'report');
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
  }
}

/** Another long job, one the restarted process never picks up again. */
class NightlyExport extends SlowReport {}

const [url = '', name = 'worker', scenarios = ''] = process.argv.slice(2);
const bridge = connectToDashboard({ url, name, acceptRetries: true });

const make: Record<string, () => Event> = {
  completed: () => new ChargeCard(),
  aggregate: () => new ShipOrder(),
  timeout: () => new SlowReport({ timeout: 0.3 }),
  long: () => new SlowReport(),
  stuck: () => new NightlyExport(),
};

/** The unfinished report of an earlier run, run again and reported as that event. */
function resume(earlierId: string): Event {
  const report = new SlowReport();
  report.delayMs = 1_500;
  bridge.watch(report, { continues: earlierId });
  return report;
}

for (const scenario of scenarios.split(',').filter(Boolean)) {
  const event = scenario.startsWith('resume:')
    ? resume(scenario.slice('resume:'.length))
    : make[scenario]?.();
  if (event === undefined) throw new Error(`unknown scenario ${scenario}`);
  console.log(`ran ${scenario} ${event.id}`);
  void event.invoke();
}
setInterval(() => bridge.stats(), 60_000);

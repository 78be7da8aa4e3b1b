/**
 * A Node process that uses the bridge, for the end-to-end tests: connects to the dashboard at
 * argv[2] as argv[3] and runs the scenarios named in argv[4] (comma-separated), then stays
 * connected until it is killed. Prints `ran <scenario> <id>` as each event starts.
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
  protected _invoke({ signal }: InvokeContext): Promise<string> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, 60_000, 'report');
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new Error('aborted'));
      });
    });
  }
}

const [url = '', name = 'worker', scenarios = ''] = process.argv.slice(2);
const bridge = connectToDashboard({ url, name, acceptRetries: true });

const make: Record<string, () => Event> = {
  completed: () => new ChargeCard(),
  aggregate: () => new ShipOrder(),
  timeout: () => new SlowReport({ timeout: 0.3 }),
  long: () => new SlowReport(),
};

for (const scenario of scenarios.split(',').filter(Boolean)) {
  const event = make[scenario]?.();
  if (event === undefined) throw new Error(`unknown scenario ${scenario}`);
  console.log(`ran ${scenario} ${event.id}`);
  void event.invoke();
}
setInterval(() => bridge.stats(), 60_000);

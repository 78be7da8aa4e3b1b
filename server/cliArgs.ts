import { parseArgs } from 'node:util';
import { queueSettings, type QueueSettings } from './bridge/queueSettings.ts';
import { redisOptionsFromUrl } from './bridge/redisUrl.ts';

/** What `lifecycle-lab --help` prints. */
export const USAGE = `Usage: lifecycle-lab [options]

Serves the Lifecycle Lab dashboard with its receiver and prints the address to open
(and to give to the processes you watch), token included.

Options:
  --port <number>         port to listen on, 0 for any free one (default 4321)
  --host <name>           address to bind (default 127.0.0.1)
  --token <secret>        the token processes and dashboards must show
                          (default LIFECYCLE_LAB_TOKEN, or a new one each run)
  --allow-origin <origin> let a browser app on this origin send events, e.g.
                          http://localhost:3000 (repeat for more)
  --dashboard <dir>       serve the dashboard built into <dir> instead of the bundled one
  --redis <url>           also show BullMQ jobs from this Redis (or LIFECYCLE_LAB_REDIS_URL)
  --queue <name>[,<name>] the queues to show, with --redis (or LIFECYCLE_LAB_QUEUES)
  -h, --help              print this help`;

/** Where a usage error sends the reader: a hint, not the whole help. */
export const USAGE_HINT = 'run lifecycle-lab --help for the options';

/** A mistake in the command line: the CLI prints its message with the hint and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The command line, checked: everything the CLI needs to start. */
export interface CliSettings {
  port: number;
  host: string;
  token: string | undefined;
  allowedOrigins: string[];
  dashboard: string | undefined;
  queues: QueueSettings | null;
}

export type CliCommand = { kind: 'help' } | { kind: 'serve'; settings: CliSettings };

/**
 * Reads `lifecycle-lab`'s arguments; throws a `UsageError` that names the mistake. Asking
 * for help wins over any mistake next to it, so `--help` always answers.
 */
export function parseCliArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): CliCommand {
  let values: ReturnType<typeof parseValues>;
  try {
    values = parseValues(args);
  } catch (error) {
    if (asksForHelp(args)) return { kind: 'help' };
    throw new UsageError(parseErrorMessage(error));
  }
  if (values.help === true) return { kind: 'help' };
  return {
    kind: 'serve',
    settings: {
      port: portOf(values.port),
      host: nonEmpty('--host', values.host),
      token: values.token === undefined ? undefined : nonEmpty('--token', values.token),
      allowedOrigins: values['allow-origin'].map(originOf),
      dashboard:
        values.dashboard === undefined ? undefined : nonEmpty('--dashboard', values.dashboard),
      queues: checkedQueues(values, env),
    },
  };
}

function parseValues(args: readonly string[]) {
  return parseArgs({
    args: [...args],
    options: {
      port: { type: 'string', default: '4321' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      dashboard: { type: 'string' },
      redis: { type: 'string' },
      queue: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
}

function asksForHelp(args: readonly string[]): boolean {
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  return options.includes('--help') || options.includes('-h');
}

/**
 * Node's parseArgs message, shortened to what was wrong (it follows our `lifecycle-lab:`).
 * Its error codes do not carry the option's name, so the name is read from the message; a
 * wording this does not know is shown as Node wrote it, first line only.
 */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']*)'/.exec(message)?.[1];
  if (unknown !== undefined) return `unknown option '${unknown}'`;
  const positional = /^Unexpected argument '([^']*)'/.exec(message)?.[1];
  if (positional !== undefined) {
    return `unexpected argument '${positional}': lifecycle-lab takes only options`;
  }
  const [, flag, problem] =
    /^Option '(?:-\w, )?(--[\w-]+)(?: <value>)?' argument (missing|is ambiguous)/.exec(message) ??
    [];
  if (flag !== undefined && problem === 'missing') return `${flag} needs a value`;
  if (flag !== undefined) {
    return `${flag} needs a value (one that starts with - goes as ${flag}=-…)`;
  }
  const first = (message.split('\n')[0] ?? message).replace(/\.$/, '');
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function portOf(text: string): number {
  const port = Number(text);
  // Digits only: Number() would also take '', ' 80', '0x50' and '1e3'.
  if (!/^\d{1,5}$/.test(text) || port > 65_535) {
    throw new UsageError(`--port must be a number from 0 to 65535, got '${text}'`);
  }
  return port;
}

function nonEmpty(flag: string, value: string): string {
  if (value.trim() === '') throw new UsageError(`${flag} needs a value, got an empty one`);
  return value;
}

/**
 * The receiver compares the browser's `Origin` header with these exactly, so anything else
 * (a trailing slash, a path) would never match: refused here rather than silently later.
 */
function originOf(text: string): string {
  let origin: string | undefined;
  try {
    origin = new URL(text).origin;
  } catch {
    origin = undefined;
  }
  if (origin !== text) {
    const suggestion =
      origin === undefined || origin === 'null' ? '' : ` (did you mean ${origin}?)`;
    throw new UsageError(
      `--allow-origin takes an origin like http://localhost:3000, got '${text}'${suggestion}`,
    );
  }
  return origin;
}

/** The queues to watch, with the Redis URL checked now rather than after the server started. */
function checkedQueues(
  values: { redis?: string; queue?: string[] },
  env: NodeJS.ProcessEnv,
): QueueSettings | null {
  try {
    const queues = queueSettings(values, env);
    if (queues !== null) redisOptionsFromUrl(queues.redisUrl);
    return queues;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

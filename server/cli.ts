/**
 * `npx lifecycle-lab`: serves the built dashboard with the receiver, without Vite, from any
 * project that installed the package. Binds to 127.0.0.1 and prints the dashboard's URL with
 * this run's token; processes connect with that URL.
 *
 *   npx lifecycle-lab [--port 4321] [--host 127.0.0.1] [--token …] [--allow-origin http://localhost:3000]
 *                     [--redis redis://host:6379 --queue emails,payments]   (--help lists them)
 *
 * With `--redis` (or `LIFECYCLE_LAB_REDIS_URL`) and `--queue` (or `LIFECYCLE_LAB_QUEUES`) it
 * also shows the jobs of those BullMQ queues; Redis credentials never leave this process.
 *
 * Mistakes end in one line on stderr, no stack: a wrong command line exits 2, a server that
 * cannot start (a port in use) exits 1.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { startQueueWatch } from './bridge/queueSettings.ts';
import { createReceiver } from './bridge/receiver.ts';
import { parseCliArgs, USAGE, USAGE_HINT, UsageError, type CliSettings } from './cliArgs.ts';
import { HOST_HEADERS } from './contentSecurityPolicy.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

const settings = readSettings(process.argv.slice(2));
const { queues } = settings;

/** The built dashboard ships next to this file, in `dashboard/`. */
const root = resolve(settings.dashboard ?? join(import.meta.dirname, 'dashboard'));
const receiver = createReceiver({
  ...(settings.token === undefined ? {} : { token: settings.token }),
  allowedOrigins: settings.allowedOrigins,
  allowedHosts: settings.host === '127.0.0.1' ? [] : [settings.host],
});

const server = createServer((req, res) => {
  receiver.middleware(req, res, () => {
    void serveFile(new URL(req.url ?? '/', 'http://localhost').pathname, res);
  });
});

async function serveFile(pathname: string, res: ServerResponse): Promise<void> {
  const wanted = normalize(join(root, decodeURIComponent(pathname)));
  const inside = wanted === root || wanted.startsWith(`${root}${sep}`);
  const file = !inside || pathname === '/' ? join(root, 'index.html') : wanted;
  try {
    const body = await readFile(file);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    setHostHeaders(res);
    res.end(body);
  } catch {
    // An address of the app rather than a file: the single page answers it.
    const index = await readFile(join(root, 'index.html')).catch(() => null);
    if (index === null) {
      res.statusCode = 500;
      res.end(`The dashboard is not built into ${root}`);
      return;
    }
    res.setHeader('Content-Type', TYPES['.html'] ?? 'text/html');
    setHostHeaders(res);
    res.end(index);
  }
}

const queueWatch = queues === null ? null : await startQueueWatch(receiver, queues);

// Without a listener, a port in use or a host that cannot be bound ends in a stack trace.
server.on('error', (error: NodeJS.ErrnoException) => {
  fail(listenFailure(error, settings), 1);
});
server.listen(settings.port, settings.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : settings.port;
  console.log(`Lifecycle Lab: http://${settings.host}:${String(port)}/?token=${receiver.token}`);
  console.log('Connect processes with this URL (connectToDashboard({ url, name })).');
  if (queues !== null) console.log(`Watching BullMQ queues: ${queues.queues.join(', ')}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void queueWatch?.close();
    receiver.close();
    server.close();
    server.closeAllConnections();
  });
}

/** The policy with framing refused, as every host of the build must send it (see the README). */
function setHostHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(HOST_HEADERS)) res.setHeader(name, value);
}

/** The checked command line; prints the help (exit 0) or what is wrong (exit 2) and ends. */
function readSettings(args: readonly string[]): CliSettings {
  try {
    const command = parseCliArgs(args);
    if (command.kind === 'serve') return command.settings;
    console.log(USAGE);
    return process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return fail(`${error.message}; ${USAGE_HINT}`, 2);
  }
}

/** One line for a server that could not start, saying what to change. */
function listenFailure(error: NodeJS.ErrnoException, { host, port }: CliSettings): string {
  if (error.code === 'EADDRINUSE') return `port ${String(port)} is in use: pass --port <another>`;
  if (error.code === 'EACCES') {
    return `port ${String(port)} needs more privileges than this user has: pass --port <above 1023>`;
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return `cannot listen on ${host}: it is not an address of this machine (--host)`;
  }
  if (error.code === 'ENOTFOUND') return `cannot listen on ${host}: no such host (--host)`;
  return `cannot listen on ${host}:${String(port)}: ${error.message}`;
}

function fail(message: string, exitCode: number): never {
  console.error(`lifecycle-lab: ${message}`);
  return process.exit(exitCode);
}

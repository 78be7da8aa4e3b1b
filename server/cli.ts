/**
 * `npx lifecycle-lab`: serves the built dashboard with the receiver, without Vite, from any
 * project that installed the package. Binds to 127.0.0.1 and prints the dashboard's URL with
 * this run's token; processes connect with that URL.
 *
 *   npx lifecycle-lab [--port 4321] [--host 127.0.0.1] [--token …] [--allow-origin http://localhost:3000]
 *                     [--redis redis://host:6379 --queue emails,payments]
 *
 * With `--redis` (or `LIFECYCLE_LAB_REDIS_URL`) and `--queue` (or `LIFECYCLE_LAB_QUEUES`) it
 * also shows the jobs of those BullMQ queues; Redis credentials never leave this process.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { queueSettings, startQueueWatch } from './bridge/queueSettings.ts';
import { createReceiver } from './bridge/receiver.ts';
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

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4321' },
    host: { type: 'string', default: '127.0.0.1' },
    token: { type: 'string' },
    'allow-origin': { type: 'string', multiple: true, default: [] },
    dashboard: { type: 'string' },
    redis: { type: 'string' },
    queue: { type: 'string', multiple: true },
  },
});
const queues = queueSettings(values);

/** The built dashboard ships next to this file, in `dashboard/`. */
const root = resolve(values.dashboard ?? join(import.meta.dirname, 'dashboard'));
const receiver = createReceiver({
  ...(values.token === undefined ? {} : { token: values.token }),
  allowedOrigins: values['allow-origin'],
  allowedHosts: values.host === '127.0.0.1' ? [] : [values.host],
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

server.listen(Number(values.port), values.host, () => {
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : values.port;
  console.log(`Lifecycle Lab: http://${values.host}:${String(port)}/?token=${receiver.token}`);
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

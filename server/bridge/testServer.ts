import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RemoteEventUpdate, RemoteSource } from '../../src/lib/bridge/protocol.ts';
import { createReceiver, type Receiver, type ReceiverOptions } from './receiver.ts';

/** A receiver on a real HTTP server at a free port of 127.0.0.1, for tests. */
export interface TestReceiver {
  receiver: Receiver;
  server: Server;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The dashboard URL with the token, as printed. */
  url: string;
  /** POSTs JSON (or text) to `/api/bridge/<path>` with the token, unless headers say otherwise. */
  post: (path: string, body: unknown, headers?: Record<string, string>) => Promise<Response>;
  close: () => Promise<void>;
}

export async function startTestReceiver(options: ReceiverOptions = {}): Promise<TestReceiver> {
  const receiver = createReceiver({ token: 'test-token', ...options });
  const server = createServer((req, res) => {
    receiver.middleware(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${String(port)}`;
  return {
    receiver,
    server,
    origin,
    url: `${origin}/?token=${receiver.token}`,
    post: (path, body, headers = {}) =>
      fetch(`${origin}/api/bridge/${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${receiver.token}`, ...headers },
        // Text and bytes are sent as they are; anything else as its JSON.
        body:
          typeof body === 'string'
            ? body
            : body instanceof Uint8Array
              ? new Uint8Array(body)
              : JSON.stringify(body),
      }),
    close: async () => {
      receiver.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What a dashboard hears on `GET /api/bridge/stream`, collected as it arrives. */
export interface StreamListener {
  sources: RemoteSource[][];
  updates: RemoteEventUpdate[];
  stop: () => void;
}

/** Reads the Server-Sent Events stream the way the dashboard does, with `fetch`. */
export async function listenToStream(url: string): Promise<StreamListener> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (response.body === null) throw new Error(`no stream: ${String(response.status)}`);
  const listener: StreamListener = { sources: [], updates: [], stop: () => controller.abort() };
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let rest = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        rest += value;
        let end = rest.indexOf('\n\n');
        while (end !== -1) {
          const frame = rest.slice(0, end);
          rest = rest.slice(end + 2);
          const name = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1] ?? 'null';
          if (name === 'sources') listener.sources.push(JSON.parse(data) as RemoteSource[]);
          if (name === 'updates')
            listener.updates.push(...(JSON.parse(data) as RemoteEventUpdate[]));
          end = rest.indexOf('\n\n');
        }
      }
    } catch {
      // stopped
    }
  })();
  return listener;
}

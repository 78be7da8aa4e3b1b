import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { queueSettings, startQueueWatch } from './queueSettings.ts';
import { createReceiver, type ReceiverOptions } from './receiver.ts';

/**
 * The Vite plugin: `npm start` and `vite preview` accept sources (processes using
 * `lifecycle-lab-core/bridge`, Python services posting lionherd records) and print the
 * dashboard's URL with this run's token. Both servers of one Vite process share one receiver.
 * `LIFECYCLE_LAB_REDIS_URL` and `LIFECYCLE_LAB_QUEUES` add BullMQ queues to watch.
 */
export function bridgeReceiverPlugin(options: ReceiverOptions = {}): Plugin {
  const receiver = createReceiver(options);
  const queues = queueSettings({});
  let queueWatch: Promise<{ close: () => Promise<void> }> | undefined;
  const announce = (server: ViteDevServer | PreviewServer): void => {
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address();
      if (address === null || address === undefined || typeof address === 'string') return;
      server.config.logger.info(
        `  ➜  Sources:  http://127.0.0.1:${String(address.port)}/?token=${receiver.token}  (connect processes with this URL)`,
      );
    });
    if (queues !== null) queueWatch ??= startQueueWatch(receiver, queues);
    server.httpServer?.once('close', () => {
      void queueWatch?.then((watch) => watch.close());
      receiver.close();
    });
  };
  return {
    name: 'lifecycle-lab:bridge-receiver',
    configureServer(server) {
      server.middlewares.use(receiver.middleware);
      announce(server);
    },
    configurePreviewServer(server) {
      server.middlewares.use(receiver.middleware);
      announce(server);
    },
  };
}

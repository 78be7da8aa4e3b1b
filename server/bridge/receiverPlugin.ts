import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createReceiver, type ReceiverOptions } from './receiver.ts';

/**
 * The Vite plugin: `npm start` and `vite preview` accept sources (processes using
 * `lifecycle-lab-core/bridge`, Python services posting lionherd records) and print the
 * dashboard's URL with this run's token. Both servers of one Vite process share one receiver.
 */
export function bridgeReceiverPlugin(options: ReceiverOptions = {}): Plugin {
  const receiver = createReceiver(options);
  const announce = (server: ViteDevServer | PreviewServer): void => {
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address();
      if (address === null || address === undefined || typeof address === 'string') return;
      server.config.logger.info(
        `  ➜  Sources:  http://127.0.0.1:${String(address.port)}/?token=${receiver.token}  (connect processes with this URL)`,
      );
    });
    server.httpServer?.once('close', () => {
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

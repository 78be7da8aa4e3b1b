import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { bridgeReceiverPlugin } from './server/bridge/receiverPlugin.ts';
import { contentSecurityPolicyPlugin } from './server/contentSecurityPolicy.ts';
import { demoEndpointPlugin } from './server/demoEndpoint.ts';

export default defineConfig({
  plugins: [react(), demoEndpointPlugin(), bridgeReceiverPlugin(), contentSecurityPolicyPlugin()],
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  // dist/.vite/manifest.json: lets `npm run size` find the entry chunk and its static imports.
  build: {
    manifest: true,
    // The event editor (CodeMirror with its JavaScript and TypeScript modes, 513 kB) is the
    // one chunk over Vite's 500 kB notice. It loads only when the Write panel opens, and the
    // first download is held to its own budget by `npm run size`.
    chunkSizeWarningLimit: 600,
    // Everything a first visit runs in one chunk: split into ten small ones, each compressed
    // alone and naming its imports and exports, the same code took 2 KB more gzipped.
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } },
    },
  },
  // The log reader runs as a module worker and loads its schemas like the page does.
  worker: { format: 'es' },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'tests/**/*.test.ts', 'server/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});

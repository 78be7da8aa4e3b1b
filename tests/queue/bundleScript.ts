import { basename, extname, resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles a TypeScript script for plain Node (20 cannot strip types), packages left external,
 * and returns the path of the bundle: child processes of a test run it with `node`.
 */
export async function bundleScript(entry: string): Promise<string> {
  const name = basename(entry, extname(entry));
  const outDir = resolve('node_modules/.tmp/queue-scripts', name);
  await build({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    mode: 'production',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      copyPublicDir: false,
      target: 'node20',
      minify: false,
      rolldownOptions: { output: { entryFileNames: '[name].mjs' } },
    },
  });
  return resolve(outDir, `${name}.mjs`);
}

import { basename, extname, resolve } from 'node:path';
import { build } from 'vite';

/**
 * Bundles a TypeScript script for plain Node 20 (which cannot strip types) with Vite's SSR
 * build, packages from node_modules left external so they run as published. Returns the path
 * of the bundle, `node_modules/.tmp/<folder>/<name>/<name>.mjs`.
 *
 * @param {string} entry the script's path
 * @param {string} folder where under node_modules/.tmp the bundle goes
 * @returns {Promise<string>}
 */
export async function bundleForNode(entry, folder) {
  const name = basename(entry, extname(entry));
  const outDir = resolve('node_modules/.tmp', folder, name);
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
      sourcemap: true,
      rolldownOptions: { output: { entryFileNames: '[name].mjs' } },
    },
  });
  return resolve(outDir, `${name}.mjs`);
}

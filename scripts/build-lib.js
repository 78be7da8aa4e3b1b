// Builds the event core (src/lib) as an ESM package in dist-lib/:
//
//   dist-lib/package.json     name "lifecycle-lab-core", type module, an `exports` map
//   dist-lib/*.js             the JavaScript, bundled by Vite (library mode), one file per entry
//   dist-lib/types/**/*.d.ts  the declarations, emitted by tsc
//
//   npm run build:lib
//
// Entries: "." (src/lib/index.ts), "./demo" (the demo events), "./tanstack-query" (the
// TanStack Query helpers), "./bridge" (streams a process's events to a dashboard), "./bullmq"
// (events as BullMQ jobs) and "./panel" (src/panel: the in-app panel for React apps). The core
// has no runtime dependencies; "./bullmq" imports `bullmq` and "./panel" `react` and
// `react-dom`, optional peer dependencies.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist-lib');
const TYPES = join(OUT, 'types');

/** Export path → [entry name, source file relative to src/lib, without extension]. */
const ENTRIES = {
  '.': ['index', 'index'],
  './demo': ['demo', 'demo/index'],
  './tanstack-query': ['tanstack-query', 'interop/tanstackQuery'],
  './bridge': ['bridge', 'bridge/index'],
  './bullmq': ['bullmq', 'bullmq/index'],
  './panel': ['panel', '../panel/index'],
};

/** Imports left to the consumer: the optional peer dependencies. */
const EXTERNAL = ['bullmq', 'react', 'react-dom', /^react\//, /^react-dom\//];

const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** The optional peer dependencies, with the ranges the package works with. */
const PEERS = {
  bullmq: rootPackage.devDependencies.bullmq,
  react: '^18.0.0 || ^19.0.0',
  'react-dom': '^18.0.0 || ^19.0.0',
};

/** Where an entry's declarations land in dist-lib/types/: src/panel's beside src/lib's. */
const typesOf = (source) => `./types/${source.replace(/^\.\.\//, '')}.d.ts`;

await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  mode: 'production',
  build: {
    outDir: OUT,
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: Object.fromEntries(
        Object.values(ENTRIES).map(([name, source]) => [
          name,
          join(ROOT, 'src/lib', `${source}.ts`),
        ]),
      ),
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      external: EXTERNAL,
      output: { chunkFileNames: 'chunks/core-[hash].js' },
    },
  },
  // src/panel's JSX, compiled for React's automatic runtime (`react/jsx-runtime`).
  oxc: { jsx: { runtime: 'automatic' } },
});

// `npx lifecycle-lab`: the receiver and a static server for the dashboard, built beside it.
await build({
  configFile: false,
  root: ROOT,
  logLevel: 'warn',
  mode: 'production',
  build: {
    ssr: join(ROOT, 'server/cli.ts'),
    outDir: OUT,
    emptyOutDir: false,
    copyPublicDir: false,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'cli.js', banner: '#!/usr/bin/env node' } },
  },
});
await build({
  root: ROOT,
  logLevel: 'warn',
  build: { outDir: join(OUT, 'dashboard'), emptyOutDir: true },
});

execFileSync(
  process.execPath,
  [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build-lib.json')],
  { stdio: 'inherit' },
);
emitPanelTypes();
addJsExtensions(TYPES);

const exportsMap = Object.fromEntries(
  Object.entries(ENTRIES).map(([path, [name, source]]) => [
    path,
    { types: typesOf(source), import: `./${name}.js` },
  ]),
);
const manifest = {
  name: 'lifecycle-lab-core',
  version: rootPackage.version,
  description:
    'Async work as events with an observable lifecycle: the event core of Lifecycle Lab.',
  type: 'module',
  sideEffects: false,
  engines: rootPackage.engines,
  exports: exportsMap,
  peerDependencies: PEERS,
  peerDependenciesMeta: Object.fromEntries(
    Object.keys(PEERS).map((name) => [name, { optional: true }]),
  ),
  bin: { 'lifecycle-lab': './cli.js' },
  types: './types/index.d.ts',
  module: './index.js',
};
writeFileSync(join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`built lifecycle-lab-core ${manifest.version} in ${OUT}`);

/**
 * src/panel's declarations (it needs the DOM and JSX, which the core's build leaves out), put
 * in dist-lib/types/panel/ with its imports of src/lib pointed at the core's own declarations:
 * one `Event` type for both entries, not two copies that TypeScript would tell apart.
 */
function emitPanelTypes() {
  const scratch = join(ROOT, 'node_modules/.tmp/panel-types');
  rmSync(scratch, { recursive: true, force: true });
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(ROOT, 'tsconfig.build-panel.json'),
      '--outDir',
      scratch,
    ],
    { stdio: 'inherit' },
  );
  const copy = (from, to) => {
    mkdirSync(to, { recursive: true });
    for (const entry of readdirSync(from)) {
      const path = join(from, entry);
      if (statSync(path).isDirectory()) {
        copy(path, join(to, entry));
        continue;
      }
      const text = readFileSync(path, 'utf8').replace(
        /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g,
        (match, prefix, quote, specifier) => {
          const target = resolve(dirname(path), specifier);
          const inLib = relative(join(scratch, 'lib'), target);
          if (inLib.startsWith('..')) return match;
          let moved = relative(dirname(join(to, entry)), join(TYPES, inLib));
          if (!moved.startsWith('.')) moved = `./${moved}`;
          return `${prefix}${quote}${moved}${quote}`;
        },
      );
      writeFileSync(join(to, entry), text);
    }
  };
  copy(join(scratch, 'panel'), join(TYPES, 'panel'));
}

/**
 * The sources import each other by their `.ts` file names, which tsc keeps in declarations;
 * Node's own resolution (`moduleResolution: node16`/`nodenext`) wants `./event.js`. Rewrites
 * every relative specifier in the declarations to its `.js` file, and one without an
 * extension to the file or folder index it points at.
 */
function addJsExtensions(folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) {
      addJsExtensions(path);
      continue;
    }
    if (!path.endsWith('.d.ts')) continue;
    const text = readFileSync(path, 'utf8');
    const fixed = text.replace(
      /(\bfrom\s+|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g,
      (match, prefix, quote, specifier) => {
        if (/\.(js|mjs|cjs|json)$/.test(specifier)) return match;
        if (/\.tsx?$/.test(specifier)) {
          return `${prefix}${quote}${specifier.replace(/\.tsx?$/, '.js')}${quote}`;
        }
        const target = resolve(dirname(path), specifier);
        const withIndex = existsSync(`${target}.d.ts`)
          ? `${specifier}.js`
          : `${specifier}/index.js`;
        return `${prefix}${quote}${withIndex}${quote}`;
      },
    );
    if (fixed !== text) writeFileSync(path, fixed);
  }
}

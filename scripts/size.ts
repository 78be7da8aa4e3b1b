/**
 * Size budgets, gzipped: the JavaScript a first visit loads (the entry chunk and its static
 * imports, read from the build manifest) and the event core imported alone (`Event` and the
 * errors, bundled, tree-shaken and minified). A report, not a test: it always exits 0.
 *
 *   npm run size
 *
 * Builds into node_modules/.tmp/size/ so that it never touches the dist/ an end-to-end run
 * may be serving.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, minify, type Manifest } from 'vite';
import { formatTable, verdict } from '../bench/report.ts';

const ROOT = process.cwd();
const OUT = resolve(ROOT, 'node_modules/.tmp/size');
const APP_OUT = join(OUT, 'app');
const CORE_OUT = join(OUT, 'core');

const INITIAL_JS_BUDGET = 100 * 1024;
const CORE_BUDGET = 5 * 1024;

/** What a first import of the core pulls in: the event and the error classes. */
const CORE_EXPORTS = [
  'Event',
  'LionherdError',
  'CancellationError',
  'ConfigurationError',
  'ConnectionError',
  'ExecutionError',
  'ExistsError',
  'NotFoundError',
  'QueueFullError',
  'TimeoutError',
  'ValidationError',
];

interface Measured {
  file: string;
  bytes: number;
  gzipped: number;
}

function measure(path: string, file: string): Measured {
  return measureCode(readFileSync(path), file);
}

function measureCode(code: Buffer | string, file: string): Measured {
  return { file, bytes: Buffer.byteLength(code), gzipped: gzipSync(code, { level: 9 }).length };
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(2)} KB`;

/** The entry chunk of index.html and every chunk it imports statically, transitively. */
function initialChunks(manifest: Manifest): string[] {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
  if (entry === undefined) throw new Error('the build manifest has no entry chunk');
  const seen = new Set<string>();
  const visit = (key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry);
  return [...seen].flatMap((key) => {
    const file = manifest[key]?.file;
    return file?.endsWith('.js') === true ? [file] : [];
  });
}

async function measureApp(): Promise<{ chunks: Measured[]; lazy: number }> {
  await build({
    root: ROOT,
    // Quiet: a failed build is reported below, in one line.
    logLevel: 'silent',
    build: { outDir: APP_OUT, emptyOutDir: true, manifest: true },
  });
  const manifest = JSON.parse(
    readFileSync(join(APP_OUT, '.vite/manifest.json'), 'utf8'),
  ) as Manifest;
  const initial = initialChunks(manifest);
  const allJs = Object.values(manifest).filter((chunk) => chunk.file.endsWith('.js'));
  return {
    chunks: initial.map((file) => measure(join(APP_OUT, file), file)),
    lazy: allJs.length - initial.length,
  };
}

async function measureCore(): Promise<Measured> {
  mkdirSync(OUT, { recursive: true });
  const entry = join(OUT, 'core-entry.ts');
  const names = CORE_EXPORTS.join(', ');
  writeFileSync(
    entry,
    `export { ${names} } from ${JSON.stringify(resolve(ROOT, 'src/lib/index.ts'))};\n`,
  );
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    build: {
      outDir: CORE_OUT,
      emptyOutDir: true,
      copyPublicDir: false,
      // Vite keeps the whitespace of ES library builds; minify the whole bundle below instead.
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'core' },
    },
  });
  const file = readdirSync(CORE_OUT).find((name) => name.endsWith('.js'));
  if (file === undefined) throw new Error('the core build wrote no JavaScript');
  const minified = await minify(file, readFileSync(join(CORE_OUT, file), 'utf8'), {});
  if (minified.errors.length > 0) throw new Error(`could not minify the core: ${file}`);
  writeFileSync(join(CORE_OUT, 'core.min.js'), minified.code);
  return measureCode(minified.code, `core (${names})`);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  try {
    const app = await measureApp();
    const initialGzipped = app.chunks.reduce((sum, chunk) => sum + chunk.gzipped, 0);
    const initialBytes = app.chunks.reduce((sum, chunk) => sum + chunk.bytes, 0);
    console.log(
      `Initial JavaScript (entry + static imports; ${String(app.lazy)} lazy chunks not counted)`,
    );
    console.log(
      formatTable(
        ['chunk', 'minified', 'gzip -9'],
        app.chunks.map((chunk) => [chunk.file, kb(chunk.bytes), kb(chunk.gzipped)]),
      ),
    );
    rows.push([
      'initial JS',
      kb(initialBytes),
      kb(initialGzipped),
      `≤ ${kb(INITIAL_JS_BUDGET)}`,
      verdict(initialGzipped <= INITIAL_JS_BUDGET),
    ]);
  } catch (error) {
    console.log(`The app did not build (\`npx vite build\` shows why): ${firstLine(error)}`);
    rows.push(['initial JS', '-', '-', `≤ ${kb(INITIAL_JS_BUDGET)}`, 'MISS (no build)']);
  }

  const core = await measureCore();
  console.log(`\nCore imported alone: ${core.file}`);
  rows.push([
    'core alone',
    kb(core.bytes),
    kb(core.gzipped),
    `≤ ${kb(CORE_BUDGET)}`,
    verdict(core.gzipped <= CORE_BUDGET),
  ]);

  console.log('\nBudgets');
  console.log(formatTable(['budget', 'minified', 'gzip -9', 'target', 'verdict'], rows));
}

main().catch((error: unknown) => {
  console.error(error);
});

// `npx lifecycle-lab` as a person mistypes it: the BUILT dist-lib/cli.js, spawned from plain
// Node, must answer with one line and an exit code, never a stack trace. Run by
// `npm run test:package`, which builds it first; serving itself is covered in
// builtPackage.test.js.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { before, describe, it } from 'node:test';
import { clearTimeout, setTimeout } from 'node:timers';

const CLI = join(resolve(import.meta.dirname, '../..'), 'dist-lib/cli.js');
const HINT = 'run lifecycle-lab --help for the options';

before(() => {
  assert.ok(existsSync(CLI), 'dist-lib/cli.js is missing: run `npm run build:lib` first');
});

/** Runs the CLI to its end (or kills it after 10 s): its exit code and what it printed. */
function runCli(args) {
  return new Promise((done, fail) => {
    const cli = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    cli.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    cli.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    const timer = setTimeout(() => {
      cli.kill();
      fail(new Error(`lifecycle-lab ${args.join(' ')} did not exit; it printed:\n${stdout}`));
    }, 10_000);
    cli.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('the built `lifecycle-lab` command, given a mistake', () => {
  for (const flag of ['--help', '-h']) {
    it(`prints its usage for ${flag} and exits 0`, async () => {
      const { code, stdout, stderr } = await runCli([flag]);
      assert.equal(code, 0);
      assert.match(stdout, /^Usage: lifecycle-lab \[options\]/);
      assert.match(stdout, /--port <number>/);
      assert.match(stdout, /--allow-origin <origin>/);
      assert.equal(stderr, '');
    });
  }

  it('names an unknown option in one line with the hint and exits 2', async () => {
    const { code, stdout, stderr } = await runCli(['--prot', '4000']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, `lifecycle-lab: unknown option '--prot'; ${HINT}\n`);
  });

  it('names a port that is not a number in one line with the hint and exits 2', async () => {
    const { code, stderr } = await runCli(['--port', 'abc']);
    assert.equal(code, 2);
    assert.equal(
      stderr,
      `lifecycle-lab: --port must be a number from 0 to 65535, got 'abc'; ${HINT}\n`,
    );
  });

  it('says a port is in use in one line and exits 1', async () => {
    const taken = createServer();
    await new Promise((done) => taken.listen(0, '127.0.0.1', done));
    const { port } = taken.address();
    try {
      const { code, stdout, stderr } = await runCli(['--port', String(port), '--token', 't']);
      assert.equal(code, 1);
      assert.equal(stdout, '');
      assert.equal(stderr, `lifecycle-lab: port ${port} is in use: pass --port <another>\n`);
    } finally {
      taken.close();
    }
  });
});

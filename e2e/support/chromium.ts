import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Environment variables that name a Chromium binary to use, first match wins. */
const CHROMIUM_PATH_VARIABLES = ['LIFECYCLE_LAB_CHROMIUM', 'CHROMIUM_PATH'] as const;

/** Where Debian and Ubuntu install Chromium. */
const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

/**
 * Flags for a system Chromium. We run as root in CI (hence --no-sandbox), and the network is
 * closed, so everything that phones home is switched off to keep the logs quiet and starts fast.
 */
const SYSTEM_CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * The Chromium binary to drive: a path from the environment if one is set, else a system
 * Chromium if one is installed, else `undefined` (Playwright's own downloaded browser).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of CHROMIUM_PATH_VARIABLES) {
    const path = env[name];
    if (path) {
      if (!existsSync(path)) {
        throw new Error(
          `${name}=${path} does not exist; point it at a Chromium binary or unset it.`,
        );
      }
      return path;
    }
  }
  return SYSTEM_CHROMIUM_PATHS.find((path) => existsSync(path));
}

/** Launch options for the chosen Chromium; empty when Playwright's own browser is used. */
export function chromiumLaunchOptions(env: NodeJS.ProcessEnv = process.env): LaunchOptions {
  const executablePath = findChromium(env);
  return executablePath ? { executablePath, args: SYSTEM_CHROMIUM_ARGS } : {};
}

/**
 * Makes sure some Chromium is there before the suite starts, so that `npm install && npm test`
 * works on a fresh machine: a system or environment Chromium, or Playwright's own browser, is
 * used as found; only when there is none does it install one — Debian's `chromium` through apt
 * when running as root on Debian, otherwise Playwright's download. It never downloads a browser
 * when one is there.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): void {
  if (findChromium(env) !== undefined || existsSync(chromium.executablePath())) return;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log("No Chromium found: installing Debian's chromium with apt-get…");
    execSync('apt-get update && apt-get install -y chromium', {
      stdio: 'inherit',
      env: { ...env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.log("No Chromium found: installing Playwright's Chromium…");
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
}

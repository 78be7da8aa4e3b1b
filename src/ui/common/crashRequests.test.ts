import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** The module as a build with these settings sees it, on a page opened at `search`. */
async function loadWith(env: { DEV: boolean; VITE_FAULT_INJECTION?: string }, search: string) {
  vi.stubEnv('DEV', env.DEV);
  vi.stubEnv('VITE_FAULT_INJECTION', env.VITE_FAULT_INJECTION ?? '');
  vi.stubGlobal('window', { location: { search } });
  return import('./crashRequests.ts');
}

describe('?crash= fault injection', () => {
  it('a production build ignores ?crash=', async () => {
    const module = await loadWith({ DEV: false }, '?crash=inspector');
    expect(module.faultInjectionEnabled).toBe(false);
    expect(module.isCrashRequested('Inspector')).toBe(false);
  });

  it('the dev server honours ?crash= until the view is recovered', async () => {
    const module = await loadWith({ DEV: true }, '?crash=inspector,launch');
    expect(module.isCrashRequested('Inspector')).toBe(true);
    expect(module.isCrashRequested('Launch')).toBe(true);
    module.clearCrashRequest('Inspector');
    expect(module.isCrashRequested('Inspector')).toBe(false);
  });

  it('a build made with VITE_FAULT_INJECTION=true honours ?crash=', async () => {
    const module = await loadWith({ DEV: false, VITE_FAULT_INJECTION: 'true' }, '?crash=keep');
    expect(module.isCrashRequested('Keep')).toBe(true);
  });
});

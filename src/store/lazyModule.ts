/** A module fetched on first use, and kept: `load()` fetches it once, `current` once it came. */
export interface LazyModule<M> {
  load(): Promise<M>;
  /** The module once `load()` resolved, for code that may only run after it did. */
  readonly current: M | undefined;
}

/**
 * Wraps a dynamic `import()` so that every caller shares one fetch. A fetch that fails
 * (offline, a deploy replaced the chunk) is forgotten, so the next `load()` tries again.
 *
 * ```ts
 * const checks = lazyModule(() => import('./launchChecks'));
 * const { checkLaunch } = await checks.load();
 * ```
 */
export function lazyModule<M>(importModule: () => Promise<M>): LazyModule<M> {
  let loading: Promise<M> | undefined;
  let current: M | undefined;
  return {
    load() {
      loading ??= importModule().then(
        (module) => {
          current = module;
          return module;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    get current() {
      return current;
    },
  };
}

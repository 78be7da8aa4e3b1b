import { build, preview, type BuildEnvironmentOptions, type PreviewServer } from 'vite';

/**
 * Builds the app into `outDir` and serves it there with `vite preview` on `port`, for the
 * reports that drive the dashboard in Chromium. Close the server when done.
 */
export async function buildAndPreview(
  outDir: string,
  port: number,
  options: BuildEnvironmentOptions = {},
): Promise<PreviewServer> {
  await build({ logLevel: 'warn', build: { ...options, outDir, emptyOutDir: true } });
  return preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, open: false },
  });
}

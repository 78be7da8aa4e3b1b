/**
 * The compile worker: sucrase, off the page's main thread, so a megabyte of code never blocks
 * the dashboard. Loaded only when the editor runs code for the first time.
 */
import { transform } from 'sucrase';
import { compileWith, type CompileRequest } from './compileCode';

self.addEventListener('message', (event: MessageEvent<CompileRequest>) => {
  const { id, code, language } = event.data;
  self.postMessage({ id, result: compileWith(transform, code, language) });
});

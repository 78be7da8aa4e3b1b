/**
 * The panel's styles. They live in the panel's shadow root, so they neither reach the host
 * page nor are reached by it; `all: initial` on the host cuts off inherited ones too.
 */
export const PANEL_CSS = `
:host { all: initial; }
.llp-root {
  position: fixed; z-index: 2147483000; display: flex; gap: 8px;
  font: 13px/1.4 system-ui, -apple-system, 'Segoe UI', sans-serif; color: #1b1f24;
}
.llp-bottom-right { right: 12px; bottom: 12px; flex-direction: column-reverse; align-items: flex-end; }
.llp-bottom-left { left: 12px; bottom: 12px; flex-direction: column-reverse; align-items: flex-start; }
.llp-top-right { right: 12px; top: 12px; flex-direction: column; align-items: flex-end; }
.llp-top-left { left: 12px; top: 12px; flex-direction: column; align-items: flex-start; }
button {
  font: inherit; color: inherit; cursor: pointer; padding: 2px 8px;
  border: 1px solid #8c959f; border-radius: 4px; background: #f6f8fa;
}
button:disabled { cursor: default; opacity: 0.6; }
button:focus-visible, .llp-panel:focus-visible, .llp-json:focus-visible {
  outline: 2px solid #0550ae; outline-offset: 2px;
}
.llp-toggle { padding: 6px 12px; border-radius: 16px; background: #1b1f24; color: #fff; border-color: #1b1f24; }
.llp-count { display: inline-block; min-width: 1.5em; margin-left: 4px; padding: 0 4px; border-radius: 8px; background: #fff; color: #1b1f24; text-align: center; }
.llp-panel {
  box-sizing: border-box; width: min(480px, calc(100vw - 24px)); max-height: min(70vh, 640px);
  overflow: auto; padding: 8px 12px; border: 1px solid #8c959f; border-radius: 8px;
  background: #fff; box-shadow: 0 8px 24px rgb(0 0 0 / 20%);
}
.llp-header { display: flex; align-items: center; gap: 8px; }
.llp-header h2 { flex: 1; margin: 0; font-size: 15px; }
.llp-summary, .llp-empty { margin: 4px 0; color: #57606a; }
.llp-list { list-style: none; margin: 0; padding: 0; }
.llp-row { padding: 6px 0; border-top: 1px solid #d0d7de; }
.llp-row-head { display: flex; gap: 8px; align-items: baseline; }
.llp-label { flex: 1; font-weight: 600; overflow-wrap: anywhere; }
.llp-status { font-weight: 600; }
.llp-status-completed { color: #1a7f37; }
.llp-status-failed, .llp-status-aborted { color: #cf222e; }
.llp-status-cancelled { color: #9a6700; }
.llp-status-processing { color: #0550ae; }
.llp-status-pending, .llp-status-skipped { color: #57606a; }
.llp-duration { color: #57606a; font-variant-numeric: tabular-nums; }
.llp-error, .llp-verdict { margin: 2px 0; overflow-wrap: anywhere; }
.llp-error { color: #a40e26; }
.llp-verdict { color: #57606a; }
.llp-actions { display: flex; gap: 6px; margin-top: 4px; }
.llp-json {
  max-height: 240px; overflow: auto; margin: 4px 0 0; padding: 6px; border-radius: 4px;
  background: #f6f8fa; font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere;
}
@media (prefers-color-scheme: dark) {
  .llp-root { color: #e6edf3; }
  button { background: #21262d; border-color: #6e7681; }
  .llp-toggle { background: #e6edf3; color: #0d1117; border-color: #e6edf3; }
  .llp-count { background: #0d1117; color: #e6edf3; }
  .llp-panel { background: #0d1117; border-color: #6e7681; }
  .llp-summary, .llp-empty, .llp-duration, .llp-verdict, .llp-status-pending, .llp-status-skipped { color: #9198a1; }
  .llp-row { border-color: #30363d; }
  .llp-json { background: #161b22; }
  .llp-status-completed { color: #3fb950; }
  .llp-status-failed, .llp-status-aborted, .llp-error { color: #ff7b72; }
  .llp-status-cancelled { color: #d29922; }
  .llp-status-processing { color: #58a6ff; }
}
@media (prefers-reduced-motion: no-preference) { .llp-toggle { transition: transform 0.1s; } }
`;

let sheet: CSSStyleSheet | undefined;

/**
 * Gives `root` the panel's styles as a constructed stylesheet: no `<style>` element, so a
 * `style-src 'self'` policy (the dashboard's) has nothing to refuse. One sheet is shared by
 * every panel in the page. Browsers without constructed sheets show the panel unstyled.
 */
export function adoptPanelStyles(root: ShadowRoot): void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in root)) return;
  if (sheet === undefined) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(PANEL_CSS);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

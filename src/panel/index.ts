/**
 * An in-app panel that lists the events a page creates, for React apps:
 * `import { LifecyclePanel } from 'lifecycle-lab-core/panel'`. Needs `react` and `react-dom`
 * (optional peer dependencies of the package; the other entries never load them).
 */
export { LifecyclePanel, type LifecyclePanelProps } from './LifecyclePanel.tsx';
export type { PanelPosition } from './PanelView.tsx';
export { DEFAULT_MAX_EVENTS } from './eventFeed.ts';

import type { EventRecord } from '../eventRecord';

/** What one page tells the others after a committed write. */
export interface HistoryMessage {
  tab: string;
  upserted: readonly EventRecord[];
  removed: readonly string[];
  cleared: boolean;
  /** A retention limit just set, which every page then prunes to. */
  retention?: number;
}

/** A channel between the pages of one origin; `BroadcastChannel` fits it. */
export interface HistoryChannel {
  post(message: HistoryMessage): void;
  listen(listener: (message: HistoryMessage) => void): void;
  close(): void;
}

/** A `BroadcastChannel` named `name`, or `null` where there is none. */
export function broadcastHistoryChannel(name: string): HistoryChannel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(name);
  // Node keeps a process alive for an open channel; a page's channel should not.
  (channel as { unref?: () => void }).unref?.();
  return {
    post(message) {
      channel.postMessage(message);
    },
    listen(listener) {
      channel.onmessage = (event: MessageEvent<HistoryMessage>) => {
        listener(event.data);
      };
    },
    close() {
      channel.close();
    },
  };
}

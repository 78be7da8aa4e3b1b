/**
 * Lets the browser handle input and paint before the caller goes on: a macrotask through a
 * `MessageChannel`, which is not clamped like `setTimeout(0)` and is not frozen by fake
 * timers in tests.
 */
export function yieldToBrowser(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Reads a stream of JSON Lines, calling `onValue` with each parsed line as it arrives.
 * Resolves when the stream ends; rejects when it breaks. Lines that are not JSON are passed
 * to `onMalformed` and skipped.
 */
export async function readJsonLines(
  body: ReadableStream<Uint8Array>,
  onValue: (value: unknown) => void,
  onMalformed: (line: string) => void,
): Promise<void> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    rest += decoder.decode(value, { stream: true });
    let newline = rest.indexOf('\n');
    while (newline !== -1) {
      const line = rest.slice(0, newline).trim();
      rest = rest.slice(newline + 1);
      if (line !== '') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          onMalformed(line);
          parsed = undefined;
        }
        if (parsed !== undefined) onValue(parsed);
      }
      newline = rest.indexOf('\n');
    }
  }
}

/** Where a file's bytes stop being UTF-8: the first bad byte's offset and its 1-based line. */
export interface NotUtf8 {
  byte: number;
  line: number;
}

/**
 * The text of a file's bytes, or where they are not UTF-8. A decoder that is not `fatal`
 * (`Blob.text()`, `Buffer.toString`) puts U+FFFD in place of such bytes: an id or a
 * response would change without a word, so a file like that is refused instead. A byte
 * order mark at the start is dropped, as JSON readers expect.
 */
export function decodeUtf8(bytes: Uint8Array): string | NotUtf8 {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The decoder does not say where; only a file that failed is walked to find out.
    const byte = firstNonUtf8Byte(bytes);
    let line = 1;
    for (let at = bytes.indexOf(0x0a); at !== -1 && at < byte; at = bytes.indexOf(0x0a, at + 1)) {
      line += 1;
    }
    return { byte, line };
  }
}

/** "is not UTF-8 text: …", to follow the name of a file or a request body. */
export function describeNotUtf8({ byte, line }: NotUtf8): string {
  return (
    `is not UTF-8 text: the byte at offset ${byte.toLocaleString('en-US')} (line ` +
    `${line.toLocaleString('en-US')}) is not part of any UTF-8 character`
  );
}

/**
 * The offset of the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629:
 * no overlong forms, no surrogates, nothing above U+10FFFF); `bytes.length` when none is.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] ?? 0;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    // The sequence's length and the range its second byte must fall in.
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return at;
    const second = bytes[at + 1];
    if (second === undefined || second < low || second > high) return at;
    for (let next = 2; next < length; next += 1) {
      const byte = bytes[at + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return at;
    }
    at += length;
  }
  return at;
}

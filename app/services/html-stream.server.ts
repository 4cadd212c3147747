import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18's streaming renderer writes a stray 0x00 byte when a multi-byte character falls on the edge
 * of its 2 KB write buffer (facebook/react#31134, fixed only in React 19): "March”" became "March\0”".
 * In UTF-8 a zero byte is never part of another character, and no HTML we render holds U+0000 (PostgreSQL
 * text cannot store it), so every zero byte in the stream is one of these and is dropped.
 */
export function withoutStrayNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      done(null, chunk.includes(0) ? chunk.filter((byte) => byte !== 0) : chunk);
    },
  });
}

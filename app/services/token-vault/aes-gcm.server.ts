import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// NIST SP 800-38D: a 96-bit random IV per encryption, and the full 128-bit tag.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM; the result is iv(12) || ciphertext || tag(16). */
export function sealWithAesGcm(key: Uint8Array, plaintext: Uint8Array, associatedData: string): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, ciphertext, cipher.getAuthTag()]));
}

/**
 * The inverse of sealWithAesGcm. When the key, the associated data or any byte does not match, it
 * throws the error `unreadable` makes, so that the message names the row the caller was reading.
 */
export function openWithAesGcm(
  key: Uint8Array,
  sealed: Uint8Array,
  associatedData: string,
  unreadable: (cause?: unknown) => Error,
): Uint8Array {
  const bytes = Buffer.from(sealed);
  if (bytes.length < IV_BYTES + TAG_BYTES) throw unreadable();
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(associatedData, "utf8"));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const body = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
  try {
    return new Uint8Array(Buffer.concat([body, decipher.final()]));
  } catch (cause) {
    throw unreadable(cause);
  }
}

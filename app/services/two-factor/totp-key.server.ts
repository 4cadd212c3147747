import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { createTOTPKeyURI } from "@oslojs/otp";
import { encodeBase32NoPadding } from "@oslojs/encoding";
import QRCode from "qrcode";
import { AppError } from "../errors.server";

// RFC 6238 defaults, the only ones every authenticator app supports.
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
// RFC 4226 §4 recommends 160 bits, the size of an HMAC-SHA1 output.
const KEY_BYTES = 20;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function generateTotpKey(): Uint8Array {
  return new Uint8Array(randomBytes(KEY_BYTES));
}

/** A key of its own for TOTP keys, so no other use of the master key can decrypt them. */
function encryptionKey(masterKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync("sha256", masterKey, new Uint8Array(0), "bearing/totp", 32));
}

/**
 * AES-256-GCM with the user id as associated data: a ciphertext copied onto another user's row
 * does not decrypt. Stored as iv || ciphertext || tag.
 */
export function encryptTotpKey(masterKey: Uint8Array, userId: string, key: Uint8Array): Uint8Array {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", encryptionKey(masterKey), iv);
  cipher.setAAD(Buffer.from(userId, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return new Uint8Array(Buffer.concat([iv, ciphertext, cipher.getAuthTag()]));
}

/**
 * Tries the current master key, then the previous ones: during a rotation (`npm run keys:rotate`)
 * a key may still be encrypted under the old master key.
 */
export function decryptTotpKey(masterKeys: Uint8Array | readonly Uint8Array[], userId: string, stored: Uint8Array): Uint8Array {
  const opened = openTotpKey(masterKeys instanceof Uint8Array ? [masterKeys] : masterKeys, userId, stored);
  if (!opened) throw unreadableKey();
  return opened.key;
}

/** The TOTP key and which of the master keys opened it (0: the first given), or null when none does. */
export function openTotpKey(masterKeys: readonly Uint8Array[], userId: string, stored: Uint8Array): { key: Uint8Array; masterKeyIndex: number } | null {
  const bytes = Buffer.from(stored);
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  for (const [masterKeyIndex, masterKey] of masterKeys.entries()) {
    const decipher = createDecipheriv("aes-256-gcm", encryptionKey(masterKey), bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId, "utf8"));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plaintext = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
    // GCM reports a wrong key or altered bytes only by failing the tag check in final().
    const complete = (() => {
      try {
        return Buffer.concat([plaintext, decipher.final()]);
      } catch {
        return null;
      }
    })();
    if (complete) return { key: new Uint8Array(complete), masterKeyIndex };
  }
  return null;
}

// Only a changed ENCRYPTION_MASTER_KEY or a tampered row gets here; the person cannot fix it alone.
function unreadableKey() {
  return new AppError(
    500,
    "Two-factor authentication unavailable",
    "Your two-factor key could not be read. Contact the administrator of this Bearing installation.",
  );
}

/** The otpauth:// URI authenticator apps read from the QR code (issuer "Bearing", the account's email). */
export function totpKeyUri(email: string, key: Uint8Array): string {
  return createTOTPKeyURI("Bearing", email, key, TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The key for typing into an app by hand: base32 in groups of four. */
export function manualEntryKey(key: Uint8Array): string {
  return encodeBase32NoPadding(key).match(/.{1,4}/g)!.join(" ");
}

/** The QR code as an image the page embeds (the CSP allows data: images; no request leaves the page). */
export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, "utf8").toString("base64")}`;
}

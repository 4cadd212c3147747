import { randomBytes } from "node:crypto";
import { hmac } from "@oslojs/crypto/hmac";
import { sha256, SHA256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";

/** A random token with 160 bits of entropy, safe in URLs and cookies. */
export function generateToken(): string {
  return encodeBase32LowerCaseNoPadding(randomBytes(20));
}

/** Tokens are stored only as SHA-256 hashes: a database leak yields nothing that signs anyone in. */
export function hashToken(token: string): Uint8Array {
  return sha256(new TextEncoder().encode(token));
}

/** A keyed, one-way fingerprint for values we must count but need not keep (IP addresses, emails). */
export function fingerprint(secret: string, value: string): string {
  const encoder = new TextEncoder();
  return encodeHexLowerCase(hmac(SHA256, encoder.encode(secret), encoder.encode(value)));
}

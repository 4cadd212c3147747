/**
 * RS256-signed ID tokens and the JSON Web Key Set that verifies them, as Google and Microsoft
 * publish theirs (RFC 7515, RFC 7517; https://www.googleapis.com/oauth2/v3/certs ,
 * https://login.microsoftonline.com/common/discovery/v2.0/keys).
 */
import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  jwks: { keys: Record<string, unknown>[] };
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID().replaceAll("-", "");
  const jwk = publicKey.export({ format: "jwk" });
  return { kid, privateKey, jwks: { keys: [{ ...jwk, kid, use: "sig", alg: "RS256" }] } };
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signIdToken(key: SigningKey, claims: Record<string, unknown>): string {
  const signingInput = `${base64url({ alg: "RS256", kid: key.kid, typ: "JWT" })}.${base64url(claims)}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(key.privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}

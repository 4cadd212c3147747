/**
 * What the fake puts in an ID token and in a userinfo answer, claim for claim as Google and
 * Microsoft do (OpenID Connect Core §2, §5.1, §5.3.2):
 * https://developers.google.com/identity/openid-connect/openid-connect#an-id-tokens-payload ,
 * https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference ,
 * https://learn.microsoft.com/en-us/entra/identity-platform/userinfo
 */
import { randomBytes } from "node:crypto";
import type { FakeOidcUser, IssuedCode } from "./server";

export const MICROSOFT_CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";

/** `issuer`: the fake's own URL, which stands for Google's issuer and Microsoft's authority. */
export function idTokenClaims(issuer: string, { provider, clientId, nonce, user: who }: Pick<IssuedCode, "provider" | "clientId" | "nonce" | "user">): Record<string, unknown> {
  const iat = Math.floor(Date.now() / 1000);
  // §5.4: with the code flow, the claims of the email and profile scopes may come from userinfo only.
  const inToken = (claims: Record<string, unknown>) => (who.claimsOnlyAtUserinfo ? {} : claims);
  if (provider === "google") {
    return {
      iss: issuer, azp: clientId, aud: clientId, sub: who.sub, nonce, iat, exp: iat + 3600,
      ...inToken({ email: who.email, email_verified: who.emailVerified, ...googleProfile(issuer, who) }),
    };
  }
  const tid = who.tenantId!;
  return {
    ver: "2.0", iss: `${issuer}/${tid}/v2.0`, sub: who.sub, aud: clientId, exp: iat + 3600, iat, nbf: iat,
    oid: `00000000-0000-0000-${who.sub.slice(0, 4).padStart(4, "0")}-000000000000`,
    tid, nonce, aio: randomBytes(16).toString("base64url"),
    ...inToken({ name: who.name, preferred_username: who.email, email: who.email }),
    // An optional claim of the app registration, about the tenant's domains: not one of the email scope's.
    ...(tid === MICROSOFT_CONSUMER_TENANT_ID ? {} : { xms_edov: who.emailVerified }),
  };
}

/**
 * The userinfo answer: the claims of the scopes the access token was granted. Google's carries
 * `email_verified`; Microsoft's (hosted by Graph) has no such claim.
 */
export function userinfoClaims(base: string, provider: IssuedCode["provider"], { user: who, scopes }: { user: FakeOidcUser; scopes: Set<string> }): Record<string, unknown> {
  const [given, ...family] = who.name.split(" ");
  const profile =
    provider === "google"
      ? googleProfile(base, who)
      : { name: who.name, given_name: given, family_name: family.join(" ") || undefined, picture: `${base}/v1.0/me/photo/$value` };
  return {
    sub: who.userinfoSubject ?? who.sub,
    ...(scopes.has("profile") ? profile : {}),
    ...(scopes.has("email") ? { email: who.email, ...(provider === "google" ? { email_verified: who.emailVerified } : {}) } : {}),
  };
}

function googleProfile(base: string, who: FakeOidcUser) {
  const [given, ...family] = who.name.split(" ");
  return {
    name: who.name, given_name: given, family_name: family.join(" ") || undefined,
    ...(who.picture ? { picture: `${base}/a/${encodeURIComponent(who.sub)}=s96-c` } : {}),
  };
}

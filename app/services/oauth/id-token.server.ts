import { timingSafeEqual } from "node:crypto";
import { ArcticFetchError, decodeIdToken, OAuth2RequestError, type OAuth2Client, type OAuth2Tokens } from "arctic";
import { z } from "zod";
import { AppError } from "../errors.server";
import type { Logger } from "../logger.server";

/** The claims every ID token carries (OpenID Connect Core 1.0 §2). */
export const idTokenClaims = z.object({
  iss: z.string(),
  aud: z.union([z.string(), z.array(z.string())]),
  azp: z.string().optional(),
  sub: z.string().min(1).max(255),
  exp: z.number(),
  iat: z.number(),
  nonce: z.string().optional(),
});

// Tolerated difference between the provider's clock and ours.
const CLOCK_SKEW_SECONDS = 60;

/** Whatever in a provider's answer did not check out: logged with the reason, shown without it. */
export function refused(providerName: string, reason: string, logger: Logger): AppError {
  logger.warn({ provider: providerName, reason }, "OAuth sign-in refused");
  return new AppError(400, "Sign-in did not complete", `The answer from ${providerName} did not check out. Start again from the log-in page.`);
}

/**
 * Redeems the authorization code (with the PKCE verifier) at the provider's token endpoint.
 * Provider refusals (`invalid_grant` for a used, expired or PKCE-mismatched code) and network
 * failures both become an AppError the callback page shows.
 */
export async function redeemCode(
  client: OAuth2Client,
  tokenUrl: string,
  callback: { code: string; codeVerifier: string },
  providerName: string,
  logger: Logger,
): Promise<{ tokens: OAuth2Tokens; idToken: string; accessToken: string }> {
  let tokens: OAuth2Tokens;
  try {
    tokens = await client.validateAuthorizationCode(tokenUrl, callback.code, callback.codeVerifier);
  } catch (error) {
    if (error instanceof OAuth2RequestError) {
      logger.warn({ provider: providerName, error: error.code, description: error.description }, "OAuth token endpoint refused the code");
      throw new AppError(400, "Sign-in did not complete", `${providerName} did not accept this sign-in (${error.code}). Start again from the log-in page.`, { cause: error });
    }
    const unreachable = error instanceof ArcticFetchError;
    logger.error({ provider: providerName, err: error }, "OAuth token request failed");
    throw new AppError(502, "Sign-in did not complete", unreachable ? `We could not reach ${providerName}. Try again in a moment.` : `${providerName} answered in a way we did not expect. Try again in a moment.`, { cause: error });
  }
  const data = tokens.data as { id_token?: unknown; access_token?: unknown };
  if (typeof data.id_token !== "string" || typeof data.access_token !== "string") throw refused(providerName, "token response without id_token or access_token", logger);
  return { tokens, idToken: data.id_token, accessToken: data.access_token };
}

/**
 * Checks an ID token received straight from the token endpoint over TLS: issuer, audience,
 * expiry, issue time and nonce (OpenID Connect Core §3.1.3.7). The signature is not checked:
 * §3.1.3.7 item 6 lets TLS to the token endpoint stand in for it, and the token never passes
 * through the browser.
 */
export function checkIdToken<Schema extends typeof idTokenClaims>(
  idToken: string,
  schema: Schema,
  expected: { issuer: (iss: string, claims: z.infer<Schema>) => boolean; clientId: string; nonce: string; providerName: string },
  logger: Logger,
): z.infer<Schema> {
  const { providerName } = expected;
  let decoded: object;
  try {
    decoded = decodeIdToken(idToken);
  } catch {
    throw refused(providerName, "malformed ID token", logger);
  }
  const parsed = schema.safeParse(decoded);
  if (!parsed.success) throw refused(providerName, `ID token claims: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`, logger);
  const claims = parsed.data as z.infer<Schema>;
  const now = Date.now() / 1000;
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];

  if (!expected.issuer(claims.iss, claims)) throw refused(providerName, `unexpected issuer ${claims.iss}`, logger);
  if (!audiences.includes(expected.clientId)) throw refused(providerName, "ID token for another client", logger);
  if (audiences.length > 1 && claims.azp !== expected.clientId) throw refused(providerName, "ID token authorized for another party", logger);
  if (claims.exp + CLOCK_SKEW_SECONDS <= now) throw refused(providerName, "expired ID token", logger);
  if (claims.iat - CLOCK_SKEW_SECONDS > now) throw refused(providerName, "ID token issued in the future", logger);
  if (!claims.nonce || !sameString(claims.nonce, expected.nonce)) throw refused(providerName, "ID token nonce does not match", logger);
  return claims;
}

export function sameString(a: string, b: string): boolean {
  const [left, right] = [Buffer.from(a), Buffer.from(b)];
  return left.length === right.length && timingSafeEqual(left, right);
}

import { CodeChallengeMethod, OAuth2Client } from "arctic";
import { z } from "zod";
import type { GoogleOAuthConfig } from "../env.server";
import { AppError } from "../errors.server";
import { checkIdToken, idTokenClaims, redeemCode } from "./id-token.server";
import { fetchPictureAsDataUrl } from "./profile-picture.server";
import type { ProviderSignIn } from "./providers.server";

/**
 * Sign in with Google (OpenID Connect).
 * https://developers.google.com/identity/openid-connect/openid-connect
 * Endpoints come from configuration (defaults: Google's own), so tests use e2e/fakes/oidc.
 */

const SCOPES = ["openid", "email", "profile"];

// Google has sent `email_verified` both as a boolean and as the string "true".
const verifiedFlag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

const googleClaims = idTokenClaims.extend({
  email: z.string().email().max(254).optional(),
  email_verified: verifiedFlag.optional(),
  name: z.string().max(200).optional(),
  picture: z.url().optional(),
});

const userinfo = z.object({ sub: z.string(), name: z.string().max(200).optional(), picture: z.url().optional() });

export function googleSignIn(config: GoogleOAuthConfig, redirectUri: string): ProviderSignIn {
  const client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  // Google's ID tokens carry either form of its issuer.
  const issuers = new Set([config.issuer, config.issuer.replace(/^https:\/\//, "")]);

  return {
    authorizationUrl({ state, codeVerifier, nonce }) {
      const url = client.createAuthorizationURLWithPKCE(config.authorizationUrl, state, CodeChallengeMethod.S256, codeVerifier, SCOPES);
      url.searchParams.set("nonce", nonce);
      url.searchParams.set("prompt", "select_account");
      return url;
    },

    async identify({ code, codeVerifier, nonce }, logger) {
      const { idToken, accessToken } = await redeemCode(client, config.tokenUrl, { code, codeVerifier }, "Google", logger);
      const claims = checkIdToken(idToken, googleClaims, { issuer: (iss) => issuers.has(iss), clientId: config.clientId, nonce, providerName: "Google" }, logger);
      if (!claims.email) {
        throw new AppError(400, "No email address", "Google did not share your email address with Bearing. Start again and allow access to it.");
      }
      // The ID token may leave out the profile claims; the userinfo endpoint has them.
      let { name, picture } = claims;
      if (!name || !picture) {
        const profile = await fetchUserinfo(config.userinfoUrl, accessToken);
        if (profile?.sub === claims.sub) {
          name ??= profile.name;
          picture ??= profile.picture;
        }
      }
      return {
        provider: "google",
        subject: claims.sub,
        email: claims.email,
        emailVerified: claims.email_verified === true,
        name: (name ?? claims.email.split("@")[0]!).slice(0, 100),
        avatarUrl: picture ? await fetchPictureAsDataUrl(picture, {}, logger) : null,
      };
    },
  };
}

async function fetchUserinfo(url: string, accessToken: string) {
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new AppError(502, "Sign-in did not complete", "We could not reach Google. Try again in a moment.", { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    return undefined;
  }
  const profile = userinfo.safeParse(await response.json());
  return profile.success ? profile.data : undefined;
}

import { CodeChallengeMethod, OAuth2Client } from "arctic";
import { z } from "zod";
import type { GoogleOAuthConfig } from "../env.server";
import { AppError } from "../errors.server";
import { checkIdToken, idTokenClaims, redeemCode } from "./id-token.server";
import { fetchPictureAsDataUrl } from "./profile-picture.server";
import type { ProviderSignIn } from "./providers.server";
import { fetchUserinfo, verifiedFlag } from "./userinfo.server";

/**
 * Sign in with Google (OpenID Connect).
 * https://developers.google.com/identity/openid-connect/openid-connect
 * Endpoints come from configuration (defaults: Google's own), so tests use e2e/fakes/oidc.
 */

const SCOPES = ["openid", "email", "profile"];

const googleClaims = idTokenClaims.extend({
  email: z.string().email().max(254).optional(),
  email_verified: verifiedFlag.optional(),
  name: z.string().max(200).optional(),
  picture: z.url().optional(),
});

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
      let { email, email_verified: emailVerified, name, picture } = claims;
      // The ID token may leave out the claims of the email and profile scopes (OpenID Connect Core §5.4).
      if (!email || !name || !picture) {
        const userinfo = await fetchUserinfo(config.userinfoUrl, accessToken, { subject: claims.sub, providerName: "Google" }, logger);
        // The address and whether it is verified come from the same answer, never one from each.
        if (!email && userinfo?.email) ({ email, email_verified: emailVerified } = userinfo);
        name ??= userinfo?.name;
        picture ??= userinfo?.picture;
      }
      if (!email) {
        throw new AppError(400, "No email address", "Google did not share your email address with Bearing. Start again and allow access to it.");
      }
      return {
        provider: "google",
        subject: claims.sub,
        email,
        emailVerified: emailVerified === true,
        name: (name ?? email.split("@")[0]!).slice(0, 100),
        avatarUrl: picture ? await fetchPictureAsDataUrl(picture, {}, logger) : null,
      };
    },
  };
}

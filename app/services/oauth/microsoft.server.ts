import { CodeChallengeMethod, OAuth2Client } from "arctic";
import { z } from "zod";
import type { MicrosoftOAuthConfig } from "../env.server";
import { AppError } from "../errors.server";
import { checkIdToken, idTokenClaims, redeemCode } from "./id-token.server";
import { fetchPictureAsDataUrl } from "./profile-picture.server";
import type { ProviderSignIn } from "./providers.server";
import { fetchUserinfo } from "./userinfo.server";

/**
 * Sign in with Microsoft (Microsoft identity platform v2.0, OpenID Connect), tenant `common` by
 * default: work or school accounts and personal Microsoft accounts.
 * https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc
 * https://learn.microsoft.com/en-us/entra/identity-platform/id-token-claims-reference
 *
 * When is the email verified? Microsoft's `email` claim is NOT guaranteed to be verified: in a
 * work or school tenant an administrator can set any address on a user, and Microsoft warns not
 * to use it for linking accounts (https://learn.microsoft.com/en-us/entra/identity-platform/migrate-off-email-claim-authorization).
 * We therefore treat it as verified only when
 *  - the token carries `xms_edov: true` (optional claim "email domain owner verified": the
 *    address's domain is verified by the tenant that issued the token; the app registration must
 *    request it under Token configuration → optional claims → ID token), or
 *  - the account is a personal Microsoft account (tenant 9188040d-6c67-4c5b-b112-36a304b66dad),
 *    whose `email` is its sign-in address, which Microsoft confirms when the account is created.
 * Otherwise the address is unverified: a new account must confirm it by email, and it never links
 * to an existing account. The same rule holds for an address read from the userinfo endpoint (when
 * the ID token has none, OpenID Connect Core §5.4): Microsoft's userinfo has no `email_verified`,
 * and the address there is the same user's, which `xms_edov` and `tid` of the ID token describe.
 */

const CONSUMER_TENANT_ID = "9188040d-6c67-4c5b-b112-36a304b66dad";
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// User.Read lets us read the signed-in user's photo from Microsoft Graph.
const SCOPES = ["openid", "email", "profile", "User.Read"];

const microsoftClaims = idTokenClaims.extend({
  tid: z.string().regex(TENANT_ID),
  email: z.string().email().max(254).optional(),
  xms_edov: z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1")]).optional(),
  name: z.string().max(200).optional(),
});

export function microsoftSignIn(config: MicrosoftOAuthConfig, redirectUri: string): ProviderSignIn {
  const client = new OAuth2Client(config.clientId, config.clientSecret, redirectUri);
  const endpoint = (path: string) => `${config.authority}/${encodeURIComponent(config.tenant)}/oauth2/v2.0/${path}`;

  // With a multi-tenant authority the issuer names the user's own tenant: `{authority}/{tid}/v2.0`.
  const issuerMatches = (iss: string, claims: { tid: string }) => {
    if (iss !== `${config.authority}/${claims.tid}/v2.0`) return false;
    const tenant = config.tenant.toLowerCase();
    if (tenant === "common") return true;
    if (tenant === "consumers") return claims.tid === CONSUMER_TENANT_ID;
    if (tenant === "organizations") return claims.tid !== CONSUMER_TENANT_ID;
    // A tenant given by domain name cannot be compared with `tid`; the token came from that tenant's endpoint.
    return TENANT_ID.test(tenant) ? claims.tid.toLowerCase() === tenant : true;
  };

  return {
    authorizationUrl({ state, codeVerifier, nonce }) {
      const url = client.createAuthorizationURLWithPKCE(endpoint("authorize"), state, CodeChallengeMethod.S256, codeVerifier, SCOPES);
      url.searchParams.set("nonce", nonce);
      url.searchParams.set("response_mode", "query");
      url.searchParams.set("prompt", "select_account");
      return url;
    },

    async identify({ code, codeVerifier, nonce }, logger) {
      const { idToken, accessToken } = await redeemCode(client, endpoint("token"), { code, codeVerifier }, "Microsoft", logger);
      const claims = checkIdToken(idToken, microsoftClaims, { issuer: issuerMatches, clientId: config.clientId, nonce, providerName: "Microsoft" }, logger);
      let { email, name } = claims;
      if (!email) {
        const userinfo = await fetchUserinfo(`${config.graphUrl}/oidc/userinfo`, accessToken, { subject: claims.sub, providerName: "Microsoft" }, logger);
        email = userinfo?.email;
        name ||= userinfo?.name;
      }
      if (!email) {
        throw new AppError(400, "No email address", "Your Microsoft account did not share an email address with Bearing. Sign up with your email and a password instead.");
      }
      const emailVerified = claims.xms_edov === true || claims.tid === CONSUMER_TENANT_ID;
      // Graph answers 404 for an account without a photo.
      const photo = `${config.graphUrl}/v1.0/me/photos/96x96/$value`;
      return {
        provider: "microsoft",
        subject: claims.sub,
        email,
        emailVerified,
        name: (name || email.split("@")[0]!).slice(0, 100),
        avatarUrl: await fetchPictureAsDataUrl(photo, { headers: { authorization: `Bearer ${accessToken}` } }, logger),
      };
    },
  };
}

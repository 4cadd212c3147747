import { z } from "zod";
import { AppError } from "../errors.server";
import type { Logger } from "../logger.server";
import { refused } from "./id-token.server";

/**
 * The provider's UserInfo endpoint (OpenID Connect Core §5.3), called with the access token from the
 * code exchange. With the code flow a provider may return the claims of the `email` and `profile`
 * scopes only here and leave them out of the ID token (§5.4).
 * Google: https://openidconnect.googleapis.com/v1/userinfo (its discovery document's userinfo_endpoint).
 * Microsoft: https://graph.microsoft.com/oidc/userinfo — `sub`, the name claims and `email`, never
 * `email_verified` (https://learn.microsoft.com/en-us/entra/identity-platform/userinfo).
 */

// Google has sent `email_verified` both as a boolean and as the string "true".
export const verifiedFlag = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);

// A malformed optional claim is treated as absent, so one odd field does not stop a sign-in.
const userinfoClaims = z.object({
  sub: z.string().min(1),
  email: z.string().email().max(254).optional().catch(undefined),
  email_verified: verifiedFlag.optional().catch(undefined),
  name: z.string().max(200).optional().catch(undefined),
  picture: z.url().optional().catch(undefined),
});

export type UserinfoClaims = z.infer<typeof userinfoClaims>;

/**
 * The claims of the person the ID token named; undefined when the endpoint refused or answered
 * something that is not a userinfo answer (the caller decides whether it can do without).
 * Throws AppError when the provider cannot be reached, and when the answer is about another `sub`:
 * §5.3.2 forbids using such an answer, and it means something between us and the provider is wrong.
 */
export async function fetchUserinfo(
  url: string,
  accessToken: string,
  expected: { subject: string; providerName: string },
  logger: Logger,
): Promise<UserinfoClaims | undefined> {
  const { providerName } = expected;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" }, signal: AbortSignal.timeout(5000) });
  } catch (error) {
    throw new AppError(502, "Sign-in did not complete", `We could not reach ${providerName}. Try again in a moment.`, { cause: error });
  }
  if (!response.ok) {
    await response.body?.cancel();
    logger.warn({ provider: providerName, status: response.status }, "OAuth userinfo endpoint refused the access token");
    return undefined;
  }
  const parsed = userinfoClaims.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    logger.warn({ provider: providerName }, "OAuth userinfo answer without a subject");
    return undefined;
  }
  if (parsed.data.sub !== expected.subject) throw refused(providerName, "userinfo answered for another subject", logger);
  return parsed.data;
}
